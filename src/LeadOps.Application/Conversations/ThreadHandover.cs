namespace LeadOps.Application.Conversations;

/// <summary>
/// Thread control around staff actions (ADR 0012): releasing a conversation passes control to the bot app
/// (<c>Messenger:BotAppId</c>); taking one takes control when LeadOps does not hold it. Both are skipped when no bot app
/// is configured. Meta's answer never undoes the staff action: it is noted in the thread and the audit trail.
/// </summary>
internal sealed partial class ThreadHandover(
    IThreadControl threadControl,
    IIntegrationRepository integrations,
    IConversationRepository conversations,
    ITokenProtector protector,
    MessengerOptions options,
    TimeProvider clock,
    ILogger<ThreadHandover> logger)
{
    public const string PassAction = "pass_thread_control";
    public const string TakeAction = "take_thread_control";

    public Task PassToBotAsync(Conversation conversation, CancellationToken ct) =>
        options.HasBot
            ? RunAsync(conversation, PassAction, (credentials, token) =>
                threadControl.PassAsync(credentials, conversation.Psid, options.BotAppId!, "Released by staff in LeadOps", token), options.BotAppId, ct)
            : Task.CompletedTask;

    public Task TakeAsync(Conversation conversation, CancellationToken ct) =>
        options.HasBot && (options.OwnAppId is null || conversation.ThreadOwnerAppId != options.OwnAppId)
            ? RunAsync(conversation, TakeAction, (credentials, token) =>
                threadControl.TakeAsync(credentials, conversation.Psid, "Taken by staff in LeadOps", token), options.OwnAppId, ct)
            : Task.CompletedTask;

    private async Task RunAsync(Conversation conversation, string action, Func<GraphCredentials, CancellationToken, Task> call, string? newOwner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mid = $"lo-note:{Guid.NewGuid():N}";
        var integration = await integrations.FindSenderAsync(conversation.IntegrationId, conversation.PageId, ct);
        if (integration is null || integration.IsDisabled || !integration.HasUsableToken)
        {
            conversations.AddMessage(conversation.RecordThreadControlRequest(action, false, $"{What(action)} skipped: the page is not connected.", mid, now));
            return;
        }

        try
        {
            await call(protector.CredentialsFor(integration), ct);
            conversation.RecordThreadControl(newOwner, now);
            conversations.AddMessage(conversation.RecordThreadControlRequest(action, true, action == PassAction
                ? "LeadOps passed thread control to the bot."
                : "LeadOps took thread control.", mid, now));
        }
        catch (GraphApiException ex)
        {
            LogRefused(logger, conversation.Id, action, ex.Failure.Kind, ex.Failure.Code);
            var why = ex.Failure.Message.Contains("Handover Protocol", StringComparison.OrdinalIgnoreCase)
                ? "Meta routes this page's conversations itself (Conversation Routing)"
                : GraphFailureText.Describe(ex.Failure);
            conversations.AddMessage(conversation.RecordThreadControlRequest(action, false, $"{What(action)} did not happen: {why}", mid, now));
        }
    }

    private static string What(string action) => action == PassAction ? "Passing thread control to the bot" : "Taking thread control";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta refused {Action} for conversation {ConversationId}: {Kind} (code {Code})")]
    private static partial void LogRefused(ILogger logger, Guid conversationId, string action, GraphFailureKind kind, int? code);
}
