using System.Text.Json;
using LeadOps.Application.Common.Graph;
using Refit;

namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// Runs one IGraphApi call for an adapter. The handlers already turn Graph errors into <see cref="GraphApiException"/>;
/// what is left here is a success answer whose body cannot be read.
/// </summary>
internal static class GraphCall
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
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

    public static GraphFailure Unreadable(int? httpStatus, string message = "Graph answered with a body LeadOps could not read") =>
        new(GraphFailureKind.Unknown, null, null, null, message, null, null, httpStatus);
}
