namespace LeadOps.Domain.Leads;

/// <summary>Who the lead is, as keys other records can be matched on (ADR 0022): nothing is merged, only shown together.</summary>
public sealed partial class Lead
{
    /// <summary>The e-mail address in lower case (<see cref="ContactKeys.Email"/>); null without a usable one.</summary>
    public string? EmailKey { get; private set; }

    /// <summary>The phone number in E.164 (<see cref="ContactKeys.Phone"/>); null without one that has its country code.</summary>
    public string? PhoneKey { get; private set; }

    /// <summary>Sets the keys from the lead's e-mail and phone; called when the lead is made, after its values fit their columns.</summary>
    public void SetContactKeys()
    {
        EmailKey = ContactKeys.Email(Email);
        PhoneKey = ContactKeys.Phone(Phone);
    }
}
