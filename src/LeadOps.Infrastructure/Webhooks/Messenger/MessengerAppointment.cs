using LeadOps.Domain.Conversations;

namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// An appointment the customer booked in Messenger (the <c>messages</c> reference's <c>appointment_booking</c> attachment:
/// <c>payload {booking_id, status, start_time, end_time, timezone}</c>, times in unix seconds, the zone an IANA name) in
/// words: "Appointment requested: Thu 10 Dec 2026 15:00–16:00 (America/Los_Angeles)". A zone this machine does not know
/// is read as UTC and says so; a payload with neither status nor start says nothing (the Inbox shows "Appointment").
/// </summary>
internal static class MessengerAppointment
{
    private const string DayAndTime = "ddd d MMM yyyy HH:mm";

    public static string? Describe(JsonElement? payload)
    {
        if (payload is null)
        {
            return null;
        }

        var status = TextLimit.Words(MessengerJson.Text(payload, "status", 40))?.ToLowerInvariant();
        var named = TextLimit.Words(MessengerJson.Text(payload, "timezone", 100));
        var zone = named is not null && TimeZoneInfo.TryFindSystemTimeZoneById(named, out var found) ? found : null;
        if (MessengerJson.Time(payload, "start_time") is not { } start)
        {
            return status is null ? null : $"Appointment {status}";
        }

        var from = TimeZoneInfo.ConvertTime(start, zone ?? TimeZoneInfo.Utc);
        var to = MessengerJson.Time(payload, "end_time") is { } end && end > start ? TimeZoneInfo.ConvertTime(end, zone ?? TimeZoneInfo.Utc) : (DateTimeOffset?)null;
        var until = to is not { } t ? string.Empty : "–" + t.ToString(t.Date == from.Date ? "HH:mm" : DayAndTime, CultureInfo.InvariantCulture);
        var text = $"Appointment {status ?? "booked"}: {from.ToString(DayAndTime, CultureInfo.InvariantCulture)}{until} ({(zone is null ? "UTC" : named)})";
        return TextLimit.Cut(text, MessageAttachment.TitleLength);
    }
}
