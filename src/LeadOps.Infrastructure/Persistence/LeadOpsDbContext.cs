using System.Linq.Expressions;
using System.Reflection;
using LeadOps.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace LeadOps.Infrastructure.Persistence;

/// <summary>
/// The one database of LeadOps. Every <see cref="IOwnedByUser"/> entity gets the named query filter
/// <see cref="OwnerFilter"/> (<c>OwnerId == current user</c>); <see cref="OwnershipInterceptor"/> guards saves.
/// Provider-specific subclasses exist only so each provider has its own migration set.
/// </summary>
public abstract class LeadOpsDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the owner query filter; the only way to bypass it is to name it.</summary>
    public const string OwnerFilter = "Owner";

    /// <summary>
    /// The acting user, set when the scope rents this (pooled) context and reset to <see cref="NoUser"/> when the scope
    /// disposes it; until set, owned rows are invisible and cannot be saved.
    /// </summary>
    public ICurrentUser CurrentUser { get; internal set; } = NoUser.Instance;

    public override void Dispose()
    {
        CurrentUser = NoUser.Instance;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        CurrentUser = NoUser.Instance;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>Read by the owner filter on every query; null (nobody signed in) matches no owned row.</summary>
    public string? CurrentOwnerId => CurrentUser.UserId;

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationSearchTerm> ConversationSearchTerms => Set<ConversationSearchTerm>();

    public DbSet<InboxPreferences> InboxPreferences => Set<InboxPreferences>();

    public DbSet<SavedReply> SavedReplies => Set<SavedReply>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Integration> Integrations => Set<Integration>();

    public DbSet<IntegrationForm> IntegrationForms => Set<IntegrationForm>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<LeadFailure> LeadFailures => Set<LeadFailure>();

    public DbSet<LeadSearchTerm> LeadSearchTerms => Set<LeadSearchTerm>();

    public DbSet<MessengerMessage> MessengerMessages => Set<MessengerMessage>();

    public DbSet<MessageAttachment> MessageAttachments => Set<MessageAttachment>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<LeadOps.Infrastructure.Conversations.StoredFileBytes> StoredFileBytes => Set<LeadOps.Infrastructure.Conversations.StoredFileBytes>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<RetrievalRun> RetrievalRuns => Set<RetrievalRun>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookDeliveryPage> WebhookDeliveryPages => Set<WebhookDeliveryPage>();

    public DbSet<WebhookDeliveryFailure> WebhookDeliveryFailures => Set<WebhookDeliveryFailure>();

    public DbSet<HeldMessengerEvent> HeldMessengerEvents => Set<HeldMessengerEvent>();

    public DbSet<Domain.Outgoing.WebhookEndpoint> WebhookEndpoints => Set<Domain.Outgoing.WebhookEndpoint>();

    public DbSet<Domain.Outgoing.OutgoingEvent> OutgoingEvents => Set<Domain.Outgoing.OutgoingEvent>();

    public DbSet<Domain.Outgoing.OutgoingDelivery> OutgoingDeliveries => Set<Domain.Outgoing.OutgoingDelivery>();

    public DbSet<Domain.Outgoing.DeliveryAttempt> DeliveryAttempts => Set<Domain.Outgoing.DeliveryAttempt>();

    public DbSet<Domain.Outgoing.StaffAlert> StaffAlerts => Set<Domain.Outgoing.StaffAlert>();
    public DbSet<LeadOps.Domain.Leads.Stages.PipelineStage> PipelineStages => Set<LeadOps.Domain.Leads.Stages.PipelineStage>();

    public DbSet<LeadOps.Domain.Leads.Stages.LeadStageChange> LeadStageChanges => Set<LeadOps.Domain.Leads.Stages.LeadStageChange>();

    public DbSet<LeadOps.Domain.Leads.Stages.LeadNote> LeadNotes => Set<LeadOps.Domain.Leads.Stages.LeadNote>();

    public DbSet<LeadOps.Domain.Leads.Conversions.ConversionEvent> ConversionEvents => Set<LeadOps.Domain.Leads.Conversions.ConversionEvent>();

    public DbSet<ConversionsLink> ConversionsLinks => Set<ConversionsLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The configurations state only what differs from EF's conventions and this model's own (ModelConventions).
        builder.ApplyConfigurationsFromAssembly(typeof(LeadOpsDbContext).Assembly, t => t.Namespace == typeof(Configurations.ApiKeyConfiguration).Namespace);
        ModelConventions.Apply(builder);

        // Domain events live on the entity until their save commits; they are never stored.
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => typeof(IHasDomainEvents).IsAssignableFrom(e.ClrType)).ToList())
        {
            builder.Entity(entityType.ClrType).Ignore(nameof(IHasDomainEvents.DomainEvents));
        }

        var apply = typeof(LeadOpsDbContext).GetMethod(nameof(ApplyOwnerFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => typeof(IOwnedByUser).IsAssignableFrom(e.ClrType)))
        {
            apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [builder]);
        }
    }

    private void ApplyOwnerFilter<TEntity>(ModelBuilder builder)
        where TEntity : class, IOwnedByUser
    {
        Expression<Func<TEntity, bool>> filter = e => e.OwnerId == CurrentOwnerId;
        builder.Entity<TEntity>().HasQueryFilter(OwnerFilter, filter);
        builder.Entity<TEntity>().Property(e => e.OwnerId).HasMaxLength(UserId.MaxLength).IsRequired();
        builder.Entity<TEntity>().HasIndex(e => e.OwnerId);
    }
}
