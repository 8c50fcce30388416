using LeadOps.Domain.Leads.Events;
using LeadOps.Domain.Outgoing;

namespace LeadOps.Application.Common.Audit;

/// <summary>
/// The audit row each staff action outside the Inbox leaves: integrations (connect, reconnect, delete, enable, disable,
/// settings), API keys (create, revoke), retrievals asked for, welcome messages sent again, set-aside outgoing events
/// tried again; and a lead's answers filled in from Facebook when it was first sent without them. Never a token or key.
/// </summary>
public static class StaffAudit
{
    public static AuditRecord? For(IDomainEvent domainEvent) => domainEvent switch
    {
        IntegrationChanged e => new(e.Change, AuditActions.Integration, e.Integration.PageId, AuditActions.Ok,
            e.Detail is null ? $"{e.Integration.Name} ({e.Integration.PageName})" : $"{e.Integration.Name}: {e.Detail}"),
        ApiKeyChanged e => new(e.Change == ApiKeyChanged.RevokeUnchanged ? ApiKeyChanged.Revoke : e.Change, AuditActions.ApiKey, e.Key.Prefix,
            e.Change == ApiKeyChanged.RevokeUnchanged ? AuditActions.Unchanged : AuditActions.Ok, $"\"{e.Key.Name}\""),
        RetrievalRequested e => new(AuditActions.Retrieve, AuditActions.Form, e.Run.FormId, AuditActions.Ok, Window(e.Run)),
        WelcomeRetried e => new(AuditActions.RetryWelcome, AuditActions.Lead, e.Message.LeadId.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditActions.Ok, null),
        LeadAnswersFilledIn e => new(AuditActions.FillAnswers, AuditActions.Lead, e.Lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditActions.Ok,
            $"{e.Answers} answer(s) filled in from Facebook: the lead was first sent without them"),
        OutgoingEventRetried e => new(AuditActions.RetryOutgoingEvent, AuditActions.OutgoingEvent, e.Event.EventId.ToString("D"), AuditActions.Ok, e.Event.Name),
        _ => null,
    };

    private static string Window(RetrievalRun run) =>
        (run.FormName ?? run.FormId) + (run.Since is null && run.Until is null
            ? ", all leads"
            : $", created {run.Since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"} to {run.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}");
}
