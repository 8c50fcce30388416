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
            // The handlers let only success answers through: Meta did the work, its answer cannot be read.
            throw new GraphApiException(Unreadable((int)ex.StatusCode) with { DoneAnyway = (int)ex.StatusCode is >= 200 and < 300 }, ex);
        }
        catch (JsonException ex)
        {
            // Refit reads the body of a success answer only.
            throw new GraphApiException(Unreadable(null) with { DoneAnyway = true }, ex);
        }
    }

    public static GraphFailure Unreadable(int? httpStatus, string message = "Graph answered with a body LeadOps could not read") =>
        new(GraphFailureKind.Unknown, null, null, null, message, null, null, httpStatus);
}
