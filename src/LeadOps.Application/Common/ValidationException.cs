namespace LeadOps.Application.Common;

/// <summary>Input that breaks a command's rules. Web turns it into a 400 with a field → messages map.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("One or more validation failures occurred.") => Errors = errors;

    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string FirstMessage => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? Message;
}
