namespace LeadOps.Infrastructure.Graph.Dtos;

/// <summary>
/// <c>{"success":true}</c>; older Graph versions answer the same calls (subscribed_apps, handover, DELETE) with a bare
/// <c>true</c>, read as the same (<see cref="GraphSuccessConverter"/>).
/// </summary>
[JsonConverter(typeof(GraphSuccessConverter))]
internal sealed record GraphSuccessDto
{
    public bool? Success { get; init; }

    /// <summary>
    /// The answer names the thread's owner (<c>{"data":[{"thread_owner":{…}}]}</c>), as Meta's Conversation Control guide
    /// prints a granted <c>take_thread_control</c>: a grant for a take, and nothing any other call is answered with.
    /// </summary>
    public bool NamesThreadOwner { get; init; }
}
