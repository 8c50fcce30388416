namespace LeadOps.GraphSandbox;

/// <summary>How an id such as an echo's <c>app_id</c> is written: Meta's samples use numbers, deliveries strings; the Page inbox may leave it out.</summary>
public enum MessengerIdForm
{
    /// <summary><c>"app_id":263902037430900</c></summary>
    Number,

    /// <summary><c>"app_id":"263902037430900"</c></summary>
    Text,

    Absent,
}
