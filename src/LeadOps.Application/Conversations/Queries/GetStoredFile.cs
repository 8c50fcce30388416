namespace LeadOps.Application.Conversations.Queries;

/// <summary>
/// One of the acting user's stored files (an attachment's copy, a profile picture, an upload) with its bytes. Another
/// user's file is not found: the owner filter decides, as for every owned row (ADR 0003, ADR 0011).
/// </summary>
public sealed record GetStoredFile(Guid FileId) : IQuery<Result<StoredFileContent>>;

internal sealed class GetStoredFileHandler(IInboxReadModel readModel, IFileStore files) : IQueryHandler<GetStoredFile, Result<StoredFileContent>>
{
    public async ValueTask<Result<StoredFileContent>> Handle(GetStoredFile query, CancellationToken cancellationToken)
    {
        var file = await readModel.GetStoredFileAsync(query.FileId, cancellationToken);
        var content = file is null ? null : await files.OpenReadAsync(file, cancellationToken);
        return content is null
            ? Result<StoredFileContent>.NotFound("File not found")
            : Result<StoredFileContent>.Ok(new StoredFileContent(file!, content));
    }
}
