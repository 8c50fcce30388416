using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// Other hands on the thread: which app Meta says controls it (handover), replies typed in Meta Business Suite, and
/// notes LeadOps keeps about them.
/// </summary>
public sealed partial class Conversation
{
    /// <summary>How the Inbox names a person answering in Meta's own inbox.</summary>
    public const string PageInboxName = "Meta Business Suite";

    /// <summary>
    /// The owner recorded when Meta says the thread is with an app it does not name: the older
    /// <c>take_thread_control</c> names no new owner ("taken away from your application"), and an event on standby says
    /// only that another app has the thread. Not a Meta app id (those are digits).
    /// </summary>
    public const string UnnamedOwnerAppId = "another-app";

    /// <summary>The app Meta last said controls the thread (<see cref="UnnamedOwnerAppId"/>: one it did not name); null while LeadOps has not been told.</summary>
    public string? ThreadOwnerAppId { get; private set; }

    public DateTimeOffset? ThreadControlAt { get; private set; }

    /// <summary>When someone last answered in Meta Business Suite (the Page inbox).</summary>
    public DateTimeOffset? AnsweredElsewhereAt { get; private set; }

    /// <summary>A note about the thread: no one wrote it, it opens no window and changes no preview.</summary>
    public MessengerMessage AddNote(MessageKind kind, string mid, string text, DateTimeOffset at)
    {
        var note = MessengerMessage.Note(Id, kind, mid, text, at);
        Raise(new ConversationNoteAdded(this, note));
        return note;
    }

    /// <summary>
    /// Meta says thread control moved (pass or take; <paramref name="newOwnerAppId"/> null for a request, which moves
    /// nothing). An older event never overrides a newer one.
    /// </summary>
    public MessengerMessage RecordHandover(string mid, string text, string? newOwnerAppId, bool movesControl, DateTimeOffset at)
    {
        if (movesControl)
        {
            RecordThreadControl(newOwnerAppId, at);
        }

        return AddNote(MessageKind.Handover, mid, text, at);
    }

    /// <summary>Thread control is with <paramref name="ownerAppId"/> now (Meta said so, or granted LeadOps' own call).</summary>
    public void RecordThreadControl(string? ownerAppId, DateTimeOffset at)
    {
        if (ThreadControlAt is null || at >= ThreadControlAt)
        {
            ThreadOwnerAppId = ownerAppId;
            ThreadControlAt = at;
            Raise(new ConversationDetailsChanged(this));
        }
    }

    /// <summary>
    /// Someone answered in Meta Business Suite: a person has the conversation, so one waiting for a person (or with the
    /// bot) becomes Human active there and staff do not answer twice.
    /// </summary>
    public bool AnsweredInPageInbox(DateTimeOffset at)
    {
        if (AnsweredElsewhereAt is null || at > AnsweredElsewhereAt)
        {
            AnsweredElsewhereAt = at;
        }

        var changed = PageInboxHasIt();
        Raise(new ConversationAnsweredElsewhere(this, changed));
        return changed;
    }

    /// <summary>
    /// Meta says Meta Business Suite (the Page inbox) took the thread: a person has it there, so a
    /// conversation waiting for a person (or with the bot) becomes Human active there, as when they answer; that move
    /// is on the audit trail.
    /// </summary>
    public void ThreadWithPageInbox()
    {
        if (PageInboxHasIt())
        {
            Raise(new ConversationTakenInPageInbox(this));
        }
    }

    private bool PageInboxHasIt()
    {
        var changed = State is ConversationState.NeedsHuman or ConversationState.Bot;
        if (changed)
        {
            AssignTo(null, PageInboxName);
        }

        return changed;
    }

    /// <summary>LeadOps asked Meta to pass or take thread control: what came of it is on the record (audit and thread).</summary>
    public MessengerMessage RecordThreadControlRequest(string action, bool done, string detail, string mid, DateTimeOffset at)
    {
        Raise(new ThreadControlRequested(this, action, done, detail));
        return AddNote(MessageKind.Note, mid, detail, at);
    }
}
