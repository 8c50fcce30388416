namespace LeadOps.Domain.Integrations;

/// <summary>
/// A question of a lead form: <paramref name="Key"/> is what a lead's answers are keyed by, <paramref name="Label"/>
/// what the person read; a multiple-choice question's options map the key a lead holds to the text the person picked.
/// </summary>
public sealed record LeadFormQuestion(string Key, string Label, IReadOnlyList<LeadFormOption> Options)
{
    public const int KeyLength = 200;
    public const int TextLength = 1000;

    /// <summary>The same question within its limits.</summary>
    public LeadFormQuestion Fit() => new(
        TextLimit.Fit(Key, KeyLength)!,
        TextLimit.Fit(Label, TextLength)!,
        [.. Options.Take(100).Select(o => new LeadFormOption(TextLimit.Fit(o.Key, KeyLength)!, TextLimit.Fit(o.Value, TextLength)!))]);
}
