namespace LeadOps.GraphSandbox;

/// <summary>How a Messenger time (<c>timestamp</c>, <c>watermark</c>) is written: Meta's docs show all three.</summary>
public enum MessengerTimeForm
{
    /// <summary><c>1458692752478</c>: milliseconds as a number (real deliveries).</summary>
    MillisNumber,

    /// <summary><c>"1458692752478"</c>: milliseconds as a string (seen in some senders).</summary>
    MillisString,

    /// <summary><c>"1527459824"</c>: seconds as a string (Meta's postback reference).</summary>
    SecondsString,
}
