namespace LeadOps.Application.Common.Behaviours;

/// <summary>Implemented by responses that can describe their outcome in one word for the command log.</summary>
public interface IOutcome
{
    string Outcome { get; }
}
