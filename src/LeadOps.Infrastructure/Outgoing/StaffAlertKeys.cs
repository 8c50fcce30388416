namespace LeadOps.Infrastructure.Outgoing;

/// <summary>The unique keys of staff alerts: one per lead, per escalation event, per pause of an endpoint.</summary>
internal static class StaffAlertKeys
{
    public static string Lead(long leadId) => string.Create(CultureInfo.InvariantCulture, $"lead:{leadId}");

    public static string Escalation(Guid eventId) => $"escalation:{eventId:N}";

    public static string Paused(int endpointId, DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"paused:{endpointId}:{at.ToUnixTimeMilliseconds()}");
}
