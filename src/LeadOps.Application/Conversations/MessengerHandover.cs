namespace LeadOps.Application.Conversations;

/// <summary>
/// A <c>messaging_handovers</c> event: <see cref="Action"/> is pass_thread_control, take_thread_control or
/// request_thread_control; the app ids name who had, has, or asks for the thread.
/// </summary>
public sealed record MessengerHandover(string Action, string? PreviousOwnerAppId, string? NewOwnerAppId, string? RequestedOwnerAppId, string? Metadata)
{
    public const string Pass = "pass_thread_control";
    public const string Take = "take_thread_control";
    public const string Request = "request_thread_control";

    public bool MovesControl => Action is Pass or Take;
}
