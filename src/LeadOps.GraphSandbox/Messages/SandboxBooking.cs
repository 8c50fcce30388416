using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>
/// An appointment the customer booked in Messenger, as the <c>messages</c> reference writes an <c>appointment_booking</c>
/// attachment's payload: <c>booking_id</c>, <c>status</c> (requested, confirmed, declined, cancelled), <c>start_time</c> and
/// <c>end_time</c> in unix seconds, <c>timezone</c> an IANA name.
/// </summary>
public sealed record SandboxBooking(string BookingId, string Status, DateTimeOffset Start, DateTimeOffset? End, string TimeZone)
{
    internal void WriteTo(JsonObject payload)
    {
        payload["booking_id"] = BookingId;
        payload["status"] = Status;
        payload["start_time"] = Start.ToUnixTimeSeconds();
        payload["end_time"] = End?.ToUnixTimeSeconds();
        payload["timezone"] = TimeZone;
    }
}
