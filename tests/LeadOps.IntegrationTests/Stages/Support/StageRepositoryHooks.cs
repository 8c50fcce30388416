using System.Reflection;
using LeadOps.Application.Leads.Stages;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Stages.Support;

/// <summary>
/// Runs a test's action once, right after the app's <see cref="IStageRepository"/> finished a given read and before
/// the use case that read goes on: another request's change then commits between a use case's read and its save, in
/// that order every time (no timing involved).
/// </summary>
public sealed class StageRepositoryHooks
{
    private Func<Task>? _afterStagesRead;
    private Func<Task>? _afterLeadsRead;

    /// <summary>Once, after the next use case read the user's stages (<c>GetOrCreateStagesAsync</c>).</summary>
    public void AfterStagesRead(Func<Task> action) => _afterStagesRead = action;

    /// <summary>Once, after the next use case loaded the leads it moves (<c>GetLeadsAsync</c>).</summary>
    public void AfterLeadsRead(Func<Task> action) => _afterLeadsRead = action;

    public bool Ran { get; private set; }

    /// <summary>Wraps the app's own repository (registered last for <see cref="IStageRepository"/>) with these hooks.</summary>
    public static void Install(IServiceCollection services)
    {
        var own = services.Last(d => d.ServiceType == typeof(IStageRepository)).ImplementationType!;
        services.AddSingleton<StageRepositoryHooks>();
        services.AddScoped(sp =>
        {
            var proxy = DispatchProxy.Create<IStageRepository, Proxy>();
            ((Proxy)(object)proxy).Inner = (IStageRepository)ActivatorUtilities.CreateInstance(sp, own);
            ((Proxy)(object)proxy).Hooks = sp.GetRequiredService<StageRepositoryHooks>();
            return proxy;
        });
    }

    private Func<Task>? Take(string method)
    {
        var action = method switch
        {
            nameof(IStageRepository.GetOrCreateStagesAsync) => Interlocked.Exchange(ref _afterStagesRead, null),
            nameof(IStageRepository.GetLeadsAsync) => Interlocked.Exchange(ref _afterLeadsRead, null),
            _ => null,
        };
        Ran |= action is not null;
        return action;
    }

    public class Proxy : DispatchProxy
    {
        private static readonly MethodInfo ThenMethod = typeof(Proxy).GetMethod(nameof(Then), BindingFlags.NonPublic | BindingFlags.Static)!;

        internal IStageRepository Inner { get; set; } = null!;

        internal StageRepositoryHooks Hooks { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(Inner, args);
            return Hooks.Take(targetMethod.Name) is { } action
                ? ThenMethod.MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()[0]).Invoke(null, [result, action])
                : result;
        }

        private static async Task<T> Then<T>(Task<T> read, Func<Task> action)
        {
            var value = await read;
            await action();
            return value;
        }
    }
}
