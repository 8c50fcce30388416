using System.Runtime.ExceptionServices;
using Refit;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Runs one IGraphApi call for an adapter. The handlers already turn every Graph failure into a
/// <see cref="GraphApiException"/>; Refit wraps what the handlers throw (ApiRequestException), so it is unwrapped here.
/// What is left is a success answer whose body cannot be read.
/// </summary>
internal static class GraphCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not GraphApiException && ex.InnerException is GraphApiException or OperationCanceledException)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
            throw;
        }
        catch (ApiException ex)
        {
            throw new GraphApiException(Unreadable((int)ex.StatusCode), ex);
        }
        catch (JsonException ex)
        {
            throw new GraphApiException(Unreadable(null), ex);
        }
    }

    /// <summary>A success answer (or one whose status is unknown: the handlers let only successes through) LeadOps cannot read: Meta did the work.</summary>
    public static GraphFailure Unreadable(int? httpStatus, string message = "Graph answered with a body LeadOps could not read") =>
        new(GraphFailureKind.Unknown, null, null, null, message, null, null, httpStatus) { DoneAnyway = httpStatus is null or (>= 200 and < 300) };
}
