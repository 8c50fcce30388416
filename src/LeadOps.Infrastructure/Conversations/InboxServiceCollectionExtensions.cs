using LeadOps.Infrastructure.Conversations.Files;
using Microsoft.Extensions.Configuration;

namespace LeadOps.Infrastructure.Conversations;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The Inbox's settings (<c>Messenger</c>, with LeadOps' own app id from <c>Facebook:AppId</c>; <c>Attachments</c>),
    /// the file store (database or folder, ADR 0011) and the fetcher of Meta's links.
    /// </summary>
    public static IServiceCollection AddInboxMessaging(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var messenger = configuration.GetSection(MessengerOptions.SectionName).Get<MessengerOptions>() ?? new MessengerOptions();
        messenger.OwnAppId ??= configuration["Facebook:AppId"] is { Length: > 0 } appId ? appId : null;
        messenger.BotAppId = string.IsNullOrWhiteSpace(messenger.BotAppId) ? null : messenger.BotAppId.Trim();
        services.AddSingleton(messenger);

        var section = configuration.GetSection(AttachmentOptions.SectionName);
        services.AddSingleton(section.Get<AttachmentOptions>() ?? new AttachmentOptions());
        services.AddOptions<FileStoreOptions>().Bind(section);
        var store = section.Get<FileStoreOptions>() ?? new FileStoreOptions();
        if (store.Store == FileStoreKind.Folder)
        {
            services.AddSingleton(new FolderFileStore.Root(Path.GetFullPath(store.Folder, contentRootPath)));
            services.AddScoped<IFileStore, FolderFileStore>();
        }
        else
        {
            services.AddScoped<IFileStore, DatabaseFileStore>();
        }

        services.AddHttpClient(MetaLinkFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
            .RemoveAllLoggers();
        services.AddScoped<IAttachmentFetcher, MetaLinkFetcher>();
        return services;
    }
}
