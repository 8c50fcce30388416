namespace LeadOps.GraphSandbox;

/// <summary>Where a Messenger event sits in the webhook body, as Meta sends it.</summary>
public enum MessengerEnvelope
{
    /// <summary><c>entry[].messaging[]</c>: threads the app controls (the usual delivery).</summary>
    Messaging,

    /// <summary><c>entry[].standby[]</c>: threads another app controls.</summary>
    Standby,

    /// <summary><c>entry[].changes[] {field, value}</c>: what the App Dashboard's test button sends.</summary>
    Changes,

    /// <summary>One bare <c>{field, value}</c> with no <c>object</c> or <c>entry</c>: how the webhook reference pages print their samples.</summary>
    BareChange,

    /// <summary>
    /// <c>entry[].messaging[]</c> in an entry with neither <c>id</c> nor <c>time</c>, an echo written with the customer as
    /// <c>sender</c> and the page as <c>recipient</c>: how howdyai/botkit's Facebook adapter tests write it (nothing names the page).
    /// </summary>
    NoPageNamed,
}
