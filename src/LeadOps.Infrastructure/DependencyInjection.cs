using LeadOps.Application.Account;
using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads.Welcome;
using LeadOps.Infrastructure.Conversations;
using LeadOps.Infrastructure.Conversions;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Identity;
using LeadOps.Infrastructure.Integrations;
using LeadOps.Infrastructure.Leads;
using LeadOps.Infrastructure.Outgoing;
using LeadOps.Infrastructure.Persistence.Repositories;
using LeadOps.Infrastructure.Scheduling;
using LeadOps.Infrastructure.Security;
using LeadOps.Infrastructure.Webhooks;
using LeadOps.Infrastructure.Welcome;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeadOps.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddInboxMessaging(configuration, contentRootPath);
        services.TryAddSingleton(TimeProvider.System);

        // First hosted service: migrations and bootstrap finish before anything (the key ring included) reads the database.
        services.AddHostedService<StartupTaskRunner>();

        services.AddPersistence(configuration, contentRootPath);
        services.AddGraphClient(configuration);
        services.AddIdentityStores();

        services.AddTokenProtection(configuration, contentRootPath);

        services.AddSingleton<SqliteStatistics>();
        services.AddScoped<IStartupTask, DatabaseMigrator>();
        services.AddScoped<IStartupTask, UserBootstrapper>();
        services.AddScoped<IStartupTask, EnvironmentIntegrationBootstrapper>();
        services.AddScoped<IStartupTask, InterruptedRunsAtStart>();

        services.AddSingleton<WorkerHealth>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookInbox>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddScoped<LeadOps.Application.Leads.IFailedWebhookDeliveries, FailedWebhookDeliveries>();
        services.AddScoped<HeldMessengerEvents>();
        services.AddScoped<IHeldMessengerEvents>(sp => sp.GetRequiredService<HeldMessengerEvents>());
        services.AddSingleton<HeldEventReleases>();
        services.AddSingleton<WebhookBodyRetention>();
        services.AddSingleton<WebhookIdlePass>();
        services.AddSingleton<WebhookProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookProcessor>());
        services.AddSingleton<RetrievalWorker>();
        services.AddSingleton<LeadOps.Application.Leads.Commands.IRetrievalQueue>(sp => sp.GetRequiredService<RetrievalWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<RetrievalWorker>());
        services.AddWelcomeMessages(configuration);
        services.AddOutgoing(configuration);
        services.AddStagesAndConversions(configuration);
        return services;
    }

    /// <summary>Welcome messages: the e-mail channel (<c>Smtp</c>) and the outbox worker (<c>Welcome</c>).</summary>
    private static void AddWelcomeMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateOnStart();
        services.AddOptions<WelcomeOptions>().Bind(configuration.GetSection(WelcomeOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, WelcomeOptionsValidator>();
        services.AddSingleton<IValidateOptions<WelcomeOptions>, WelcomeOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WelcomeOptions>>().Value.RetryPolicy);
        services.AddSingleton(sp => new WelcomeAgeLimit(sp.GetRequiredService<IOptions<WelcomeOptions>>().Value.MaxLeadAge));
        services.AddSingleton<MailPickupFolder>();
        services.AddSingleton<SmtpWelcomeChannel>();
        services.AddSingleton<IWelcomeChannel>(sp => sp.GetRequiredService<SmtpWelcomeChannel>());
        services.AddScoped<IWelcomeOutbox, WelcomeOutboxRepository>();
        services.AddSingleton<Application.Common.Audit.IAuditLog, Persistence.AuditLog>();
        services.AddScoped<WelcomeBacklog>();
        services.AddSingleton<WelcomeSignal>();
        services.AddSingleton<WelcomeWakeInterceptor>();
        services.AddSingleton<WelcomeOutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WelcomeOutboxWorker>());
    }

    /// <summary>
    /// The scope's context: a pooled instance (its EF services are built once, not per request) handed the scope's
    /// acting user, which the owner filter and the ownership check read. Disposing it at the end of the scope forgets
    /// the user before it goes back to the pool, so a context never carries one user's identity into another's scope.
    /// Only the container may dispose it: disposing it by hand, then again at the end of the scope, would return it to
    /// the pool twice (an architecture test forbids both that and renting it anywhere else).
    /// </summary>
    private static TContext Rent<TContext>(IServiceProvider services)
        where TContext : LeadOpsDbContext
    {
        var user = services.GetRequiredService<ICurrentUser>();
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.CurrentUser = user;
        return context;
    }

    /// <summary>
    /// In this order: new leads prepare themselves (search terms, arrival event), then domain events (the audit rows they add must be stamped and checked like any row), then
    /// ownership, then the welcome worker's wake-up (it looks at what was saved).
    /// </summary>
    private static IInterceptor[] SaveInterceptors(IServiceProvider services) =>
        [services.GetRequiredService<NewLeadInterceptor>(), services.GetRequiredService<DomainEventsInterceptor>(), SearchTerms, services.GetRequiredService<OwnershipInterceptor>(), services.GetRequiredService<WelcomeWakeInterceptor>()];

    /// <summary>Stateless: one for every context.</summary>
    private static readonly SearchTermInterceptor SearchTerms = new();

    private static void AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("LeadOps");
        services.AddSingleton<OwnershipInterceptor>();
        services.AddSingleton<DomainEventsInterceptor>();
        services.AddSingleton<NewLeadInterceptor>();

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:LeadOps is not set.");
                }

                services.AddPooledDbContextFactory<SqlServerLeadOpsDbContext>((sp, o) => o
                    .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(SaveInterceptors(sp)));
                services.AddScoped<LeadOpsDbContext>(sp => Rent<SqlServerLeadOpsDbContext>(sp));
                break;
            default:
                var sqlite = PrepareSqlite(connectionString ?? DatabaseOptions.DefaultSqliteConnectionString, contentRootPath);
                var pragmas = new SqlitePragmaInterceptor(options.SqliteBusyTimeoutMs);
                services.AddPooledDbContextFactory<SqliteLeadOpsDbContext>((sp, o) => o
                    .UseSqlite(sqlite)
                    .AddInterceptors([.. SaveInterceptors(sp), pragmas]));
                services.AddScoped<LeadOpsDbContext>(sp => Rent<SqliteLeadOpsDbContext>(sp));
                services.AddHostedService<SqliteStatisticsWorker>();
                break;
        }

        services.AddScheduledRetrieval(configuration, options.Provider, connectionString);
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IIntegrationRepository, IntegrationRepository>();
        services.AddScoped<ILeadRepository, LeadRepository>();
        services.AddScoped<IRetrievalRunRepository, RetrievalRunRepository>();
        services.AddScoped<LeadOps.Application.Leads.Queries.ILeadQueries, LeadQueries>();
        services.AddScoped<LeadOps.Application.Leads.Export.ILeadExportSource, LeadExportSource>();
        services.AddScoped<IConversationRepository, ConversationRepository>();
        services.AddScoped<IInboxReadModel, InboxReadModel>();
        services.AddScoped<IInboxSettings, InboxSettings>();
        services.AddScoped<IPersonLinks, Leads.PersonLinks>();
    }

    /// <summary>
    /// Data Protection with its key ring in the database (every node can decrypt) and each key encrypted with a
    /// key-encryption key that is not in the database (so the database alone reveals no token).
    /// </summary>
    private static void AddTokenProtection(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var kek = KeyEncryptionKey.Load(
            configuration["DataProtection:KeyEncryptionKey"], configuration["DataProtection:KeyEncryptionKeyFile"], contentRootPath, SqliteFolder(configuration, contentRootPath));
        services.AddSingleton(kek);
        services.AddScoped<IStartupTask, KeyEncryptionKeyReport>();
        services.AddDataProtection()
            .SetApplicationName("LeadOps")
            .PersistKeysToDbContext<LeadOpsDbContext>();
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(kek));
        services.AddSingleton<ITokenProtector, DataProtectionTokenProtector>();
    }

    /// <summary>The folder of the SQLite database file, or null (SQL Server, in-memory).</summary>
    private static string? SqliteFolder(IConfiguration configuration, string contentRootPath) =>
        DatabaseOptions.SqliteFile(configuration, contentRootPath) is { } file ? Path.GetDirectoryName(file) : null;

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    private static string PrepareSqlite(string connectionString, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    private static void AddIdentityStores(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<LeadOpsDbContext>()
            .AddUserStore<LeadOpsUserStore>()
            .AddSignInManager<LeadOpsSignInManager>()
            .AddDefaultTokenProviders();
        services.AddScoped<IApiKeyAuthenticator, ApiKeyAuthenticator>();
        services.AddSingleton<UserNameCache>();
        services.AddScoped<IUserNames, UserNames>();
    }
}
