using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>A save interceptor that does the same before every save, whether the save is synchronous or not.</summary>
internal abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    protected abstract void BeforeSave(DbContext? context);
}
