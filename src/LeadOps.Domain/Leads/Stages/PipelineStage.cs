namespace LeadOps.Domain.Leads.Stages;

/// <summary>
/// One stage of a user's pipeline (New, Contacted, Qualified, Converted, Lost by default). A stage keeps its
/// <see cref="Key"/> for life, so renaming it moves no lead; the entry stage (<see cref="EntryKey"/>) is where every
/// new lead starts and always comes first. The name is what Meta's Conversions API receives as <c>event_name</c>
/// unless <see cref="MetaEventName"/> maps it to another.
/// </summary>
public sealed class PipelineStage : IOwnedByUser
{
    public const string EntryKey = "new";
    public const int KeyLength = 40;
    public const int NameLength = 60;
    public const int MaxStages = 30;

    /// <summary>The stages every user starts with, in order.</summary>
    public static IReadOnlyList<(string Key, string Name)> Defaults { get; } =
        [(EntryKey, "New"), ("contacted", "Contacted"), ("qualified", "Qualified"), ("converted", "Converted"), ("lost", "Lost")];

    public int Id { get; set; }

    public string OwnerId { get; set; } = string.Empty;

    public string Key { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    /// <summary>Order on the page and in the list's filter; the entry stage is 0.</summary>
    public int Position { get; private set; }

    /// <summary>The <c>event_name</c> sent to Meta instead of <see cref="Name"/>, when set.</summary>
    public string? MetaEventName { get; private set; }

    public bool IsEntry => Key == EntryKey;

    /// <summary>What Meta's Conversions API is told when a lead enters this stage.</summary>
    public string EventName => MetaEventName ?? Name;

    public static PipelineStage Create(string key, string name, int position, string? metaEventName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var stage = new PipelineStage { Key = TextLimit.Cut(key, KeyLength), Position = position };
        stage.Rename(name, metaEventName);
        return stage;
    }

    public void Rename(string name, string? metaEventName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = TextLimit.Cut(name.Trim(), NameLength);
        MetaEventName = string.IsNullOrWhiteSpace(metaEventName) ? null : TextLimit.Cut(metaEventName.Trim(), NameLength);
    }

    /// <summary>Places the stage; the entry stage stays first whatever is asked.</summary>
    public void MoveTo(int position) => Position = IsEntry ? 0 : Math.Max(1, position);
}
