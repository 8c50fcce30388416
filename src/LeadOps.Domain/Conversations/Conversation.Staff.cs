using LeadOps.Domain.Conversations.Events;

namespace LeadOps.Domain.Conversations;

/// <summary>
/// What staff do in a thread besides replying: internal notes for colleagues (never sent to Meta), reopening a resolved
/// conversation, and the contacts the customer wrote down (matched to leads, ADR 0022).
/// </summary>
public sealed partial class Conversation
{
    /// <summary>The last e-mail address the customer wrote in the thread, as a key (<see cref="Leads.ContactKeys"/>).</summary>
    public string? ContactEmailKey { get; private set; }

    /// <summary>The last international phone number the customer wrote in the thread, in E.164.</summary>
    public string? ContactPhoneKey { get; private set; }

    /// <summary>
    /// A note for colleagues: a row of the thread written by staff that is never sent, opens no window, changes no
    /// preview and no wait. Its event leaves an audit row (without the text).
    /// </summary>
    public MessengerMessage AddInternalNote(string userId, string? userName, string text, DateTimeOffset now)
    {
        var note = MessengerMessage.InternalNote(Id, userId, userName, text, now);
        Raise(new InternalNoteAdded(this, note));
        return note;
    }

    /// <summary>A resolved conversation comes back to the staff member who reopens it. Not resolved: nothing changes.</summary>
    public bool Reopen(string userId, string? userName)
    {
        var changed = State == ConversationState.Resolved;
        if (changed)
        {
            AssignTo(userId, userName);
        }

        Raise(new ConversationReopened(this, changed));
        return changed;
    }

    /// <summary>Keeps the last e-mail address and international phone number the customer wrote.</summary>
    private void NoteContacts(string? text)
    {
        var (emails, phones) = Leads.ContactKeys.FindIn(text);
        ContactEmailKey = emails.Count > 0 ? emails[^1] : ContactEmailKey;
        ContactPhoneKey = phones.Count > 0 ? phones[^1] : ContactPhoneKey;
    }
}
