using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadOps.Benchmarks;

/// <summary>
/// Bulk Inbox rows straight into a migrated SQLite database (EF would take minutes): <c>Conversations</c>
/// conversations of one owner, a quarter of each state, each with <c>MessagesPerConversation</c> messages, and
/// optionally one more conversation waiting for a person with a long thread. Every fifth message (the customer's) has an
/// image LeadOps keeps a copy of (attachment, stored file and its bytes), and every seventh one a reaction, as customers
/// send them. Ids are deterministic: conversation <c>n</c> is <see cref="ConversationId"/>(n). The search index holds
/// what the app's indexer would (ADR 0020): each conversation's PSID, the words of its messages (each once), and the names of the
/// <see cref="SearchHits"/> customers called "João Silva" (one conversation in <see cref="SearchEvery"/>); as many
/// conversations have a message with "orçamento", whatever the size, so a search's answer is the same at every size.
/// </summary>
public static class InboxSeed
{
    private const long Second = 10_000L << 11; // one second in EF's stored DateTimeOffset form ((ticks / 1000) << 11 | offset)

    /// <summary>Message k of a thread carries an image when k % 5 == 0 and the customer's reaction when k % 7 == 3.</summary>
    public const int ImageEvery = 5;

    public const int ReactionEvery = 7;

    /// <summary>How many conversations a search for the seeded name (or word) finds, at every size.</summary>
    public const int SearchHits = 20;

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>How many images a thread of <paramref name="messages"/> messages shows.</summary>
    public static int ImagesIn(int messages) => (messages + ImageEvery - 1) / ImageEvery;

    /// <summary>Conversation i is a "João Silva" when i % every == 2, and has an "orçamento" message when i % every == 3.</summary>
    public static int SearchEvery(int conversations) => Math.Max(4, conversations / SearchHits);

    /// <summary>How many of <paramref name="conversations"/> conversations hold the name (rest 2) or the word (rest 3).</summary>
    public static int SearchMatches(int conversations, int rest) => Enumerable.Range(1, conversations).Count(i => i % SearchEvery(conversations) == rest);

    public static Guid ConversationId(int n) => Guid.Parse($"{n:X8}-0000-4000-8000-{n:X12}");

    /// <summary>The long thread's conversation (waiting for a person longer than any other), when one was seeded.</summary>
    public static Guid LongThreadId(int conversations) => ConversationId(conversations + 1);

    public static async Task SeedAsync(
        string connectionString,
        string ownerId,
        int integrationId,
        string pageId,
        int conversations,
        int messagesPerConversation,
        int longThreadMessages = 0,
        bool analyze = true,
        CancellationToken ct = default)
    {
        var converter = new DateTimeOffsetToBinaryConverter();
        var startTime = DateTimeOffset.UtcNow.AddDays(-1);
        var start = (long)converter.ConvertToProvider(startTime)!;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();

        await InsertConversationsAsync(1, conversations, "$start + i * $second", "$startTicks + i * $secondTicks");
        await InsertMessagesAsync(1, conversations, messagesPerConversation);
        if (longThreadMessages > 0)
        {
            // Waiting since before everyone else: the first row of the Inbox.
            var longThread = conversations + 1;
            await InsertConversationsAsync(longThread, longThread, "$start - $second", "$startTicks - $secondTicks");
            await InsertMessagesAsync(longThread, longThread, longThreadMessages);
        }

        await transaction.CommitAsync(ct);

        if (analyze)
        {
            await using var statistics = connection.CreateCommand();
            statistics.CommandText = "ANALYZE;";
            await statistics.ExecuteNonQueryAsync(ct);
        }

        // States by i % 4 (NeedsHuman, HumanActive, Bot, Resolved); the customer's last message is unanswered in states 0 and 2.
        // InboxOrder is Conversation.InboxOrderOf: the UTC ticks of WaitingSince, or the not-waiting base minus those of LastMessageAt.
        async Task InsertConversationsAsync(int first, int last, string lastCustomerMessageAt, string ticks)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT $first UNION ALL SELECT i + 1 FROM n WHERE i < $last)
                INSERT INTO "Conversations" ("Id", "OwnerId", "IntegrationId", "PageId", "Psid", "State", "AssignedToUserId", "AssignedToName",
                    "EscalationReason", "EscalatedAt", "LastCustomerMessageAt", "WaitingSince", "LastMessageAt", "LastMessagePreview", "CreatedAt", "ResolvedAt", "InboxOrder",
                    "CustomerFirstName", "CustomerLastName")
                SELECT printf('%08X-0000-4000-8000-%012X', i, i), $owner, $integration, $page, printf('79%014d', i),
                    CASE WHEN i = $longThread THEN 0 ELSE i % 4 END, NULL, NULL, NULL, NULL, {lastCustomerMessageAt},
                    CASE WHEN i = $longThread OR i % 4 IN (0, 2) THEN {lastCustomerMessageAt} ELSE NULL END, {lastCustomerMessageAt},
                    'message ' || i, $start, NULL,
                    CASE WHEN i = $longThread OR i % 4 IN (0, 2) THEN {ticks} ELSE $notWaitingBase - ({ticks}) END,
                    CASE WHEN i % $searchEvery = 2 THEN 'João' END, CASE WHEN i % $searchEvery = 2 THEN 'Silva' END
                FROM n;

                WITH RECURSIVE n(i) AS (SELECT $first UNION ALL SELECT i + 1 FROM n WHERE i < $last)
                INSERT INTO "ConversationSearchTerms" ("OwnerId", "ConversationId", "Term")
                SELECT $owner, printf('%08X-0000-4000-8000-%012X', i, i), printf('79%014d', i) FROM n
                UNION ALL SELECT $owner, printf('%08X-0000-4000-8000-%012X', i, i), 'joao' FROM n WHERE i % $searchEvery = 2
                UNION ALL SELECT $owner, printf('%08X-0000-4000-8000-%012X', i, i), 'silva' FROM n WHERE i % $searchEvery = 2;
                """;
            Bind(command);
            command.Parameters.AddWithValue("$first", first);
            command.Parameters.AddWithValue("$last", last);
            command.Parameters.AddWithValue("$longThread", longThreadMessages > 0 ? conversations + 1 : -1);
            command.Parameters.AddWithValue("$startTicks", startTime.UtcTicks);
            command.Parameters.AddWithValue("$secondTicks", TimeSpan.TicksPerSecond);
            command.Parameters.AddWithValue("$notWaitingBase", Domain.Conversations.Conversation.InboxOrderOf(null, DateTimeOffset.MinValue));
            await command.ExecuteNonQueryAsync(ct);
        }

        // Customer and bot take turns; message k of conversation c is at start + (c * per + k) seconds. Every fifth message
        // has an image LeadOps copied (its attachment, file row and bytes), every seventh a reaction.
        async Task InsertMessagesAsync(int firstConversation, int lastConversation, int per)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT $firstConversation * $per UNION ALL SELECT i + 1 FROM n WHERE i < ($lastConversation + 1) * $per - 1)
                INSERT INTO "MessengerMessages" ("OwnerId", "ConversationId", "Direction", "Sender", "Kind", "SenderUserId", "SenderName", "Text", "Mid", "Status",
                    "MessagingType", "Tag", "IdempotencyKey", "FailureKind", "FailureReason", "At", "SentAt", "DeliveredAt", "ReadAt", "Attempts",
                    "EditCount", "ReactionEmoji", "ReactionName", "ReactedAt")
                SELECT $owner, printf('%08X-0000-4000-8000-%012X', i / $per, i / $per),
                    CASE WHEN i % 2 = 0 THEN 'Inbound' ELSE 'Outbound' END, CASE WHEN i % 2 = 0 THEN 'Customer' ELSE 'Bot' END, 'Message', NULL, NULL,
                    CASE WHEN i % $per = 0 AND (i / $per) % $searchEvery = 3 THEN 'text ' || i || ' quero um orçamento' ELSE 'text ' || i END,
                    'm_seed_' || (i / $per) || '_' || (i % $per), CASE WHEN i % 2 = 0 THEN 0 ELSE 3 END, NULL, NULL, NULL, NULL, NULL,
                    $start + i * $second, NULL, NULL, NULL, 0,
                    0, CASE WHEN (i % $per) % $reactionEvery = 3 THEN '❤️' END, CASE WHEN (i % $per) % $reactionEvery = 3 THEN 'love' END,
                    CASE WHEN (i % $per) % $reactionEvery = 3 THEN $start + (i + 1) * $second END
                FROM n;

                WITH RECURSIVE n(i) AS (SELECT $firstConversation * $per UNION ALL SELECT i + 1 FROM n WHERE i < ($lastConversation + 1) * $per - 1)
                INSERT INTO "ConversationSearchTerms" ("OwnerId", "ConversationId", "Term")
                SELECT $owner, printf('%08X-0000-4000-8000-%012X', i / $per, i / $per), 'text' FROM n WHERE i % $per = 0
                UNION ALL SELECT $owner, printf('%08X-0000-4000-8000-%012X', i / $per, i / $per), CAST(i AS TEXT) FROM n
                UNION ALL SELECT $owner, printf('%08X-0000-4000-8000-%012X', i / $per, i / $per), w.Term
                    FROM n, (SELECT 'quero' AS Term UNION ALL SELECT 'um' UNION ALL SELECT 'orcamento') w
                    WHERE i % $per = 0 AND (i / $per) % $searchEvery = 3;

                WITH RECURSIVE n(i) AS (SELECT $firstConversation * $per UNION ALL SELECT i + 1 FROM n WHERE i < ($lastConversation + 1) * $per - 1)
                INSERT INTO "StoredFiles" ("Id", "OwnerId", "ContentType", "FileName", "Length", "CreatedAt")
                SELECT printf('00000000-0000-4000-9000-%012X', i), $owner, 'image/png', NULL, length($png), $start + i * $second
                FROM n WHERE (i % $per) % $imageEvery = 0;

                INSERT INTO "StoredFileBytes" ("Id", "OwnerId", "Bytes")
                SELECT "Id", "OwnerId", $png FROM "StoredFiles" WHERE "OwnerId" = $owner AND "Id" LIKE '00000000-0000-4000-9000-%' AND "Id" NOT IN (SELECT "Id" FROM "StoredFileBytes");

                WITH RECURSIVE n(i) AS (SELECT $firstConversation * $per UNION ALL SELECT i + 1 FROM n WHERE i < ($lastConversation + 1) * $per - 1)
                INSERT INTO "MessageAttachments" ("OwnerId", "MessageId", "ConversationId", "Position", "Type", "Url", "Title", "Latitude", "Longitude",
                    "StickerId", "StoredFileId", "Copy", "CopyNote")
                SELECT $owner, m."Id", m."ConversationId", 0, 'image', 'https://scontent.xx.fbcdn.net/v/t1.15752-9/seed_' || i || '.png?oe=0', NULL, NULL, NULL,
                    NULL, printf('00000000-0000-4000-9000-%012X', i), 'Copied', NULL
                FROM n JOIN "MessengerMessages" m ON m."OwnerId" = $owner AND m."Mid" = 'm_seed_' || (i / $per) || '_' || (i % $per)
                WHERE (i % $per) % $imageEvery = 0;
                """;
            Bind(command);
            command.Parameters.AddWithValue("$firstConversation", firstConversation);
            command.Parameters.AddWithValue("$lastConversation", lastConversation);
            command.Parameters.AddWithValue("$per", per);
            command.Parameters.AddWithValue("$imageEvery", ImageEvery);
            command.Parameters.AddWithValue("$reactionEvery", ReactionEvery);
            command.Parameters.AddWithValue("$png", Png);
            await command.ExecuteNonQueryAsync(ct);
        }

        void Bind(SqliteCommand command)
        {
            command.Parameters.AddWithValue("$owner", ownerId);
            command.Parameters.AddWithValue("$integration", integrationId);
            command.Parameters.AddWithValue("$page", pageId);
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$second", Second);
            command.Parameters.AddWithValue("$searchEvery", SearchEvery(conversations));
        }
    }
}
