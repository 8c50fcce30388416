using LeadOps.Domain.Leads.Stages;

namespace LeadOps.Application.Leads.Stages.Commands;

/// <summary>Writes a note on a lead, signed with who wrote it and when.</summary>
public sealed record AddLeadNote(long LeadId, string Text) : ICommand<Result<long>>;

public sealed class AddLeadNoteValidator : AbstractValidator<AddLeadNote>
{
    public AddLeadNoteValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write the note.")
            .MaximumLength(LeadNote.TextLength).WithMessage($"A note can have at most {LeadNote.TextLength} characters.");
}

internal sealed class AddLeadNoteHandler(IStageRepository stages, ICurrentUser user, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<AddLeadNote, Result<long>>
{
    public async ValueTask<Result<long>> Handle(AddLeadNote command, CancellationToken cancellationToken)
    {
        if (!await stages.LeadExistsAsync(command.LeadId, cancellationToken))
        {
            return Result<long>.NotFound("Lead not found");
        }

        var note = LeadNote.Write(command.LeadId, command.Text, user.RequiredUserId, clock.GetUtcNow());
        stages.Add(note);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Result<long>.Ok(note.Id);
    }
}
