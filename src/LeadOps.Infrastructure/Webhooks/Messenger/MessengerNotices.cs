namespace LeadOps.Infrastructure.Webhooks.Messenger;

/// <summary>
/// Customer events the thread notes in words (<see cref="MessengerEventKind.Notice"/>), as Meta's webhook reference writes them:
/// <list type="bullet">
/// <item><c>messaging_feedback {feedback_screens[] {screen_id, questions {&lt;question id&gt;: {type, payload, follow_up {type,
/// payload}}}}}</c>: the customer feedback template's answers, CSAT 1–5, NPS 0–10, CES 1–7, free-form text
/// ("Feedback: CSAT 4 of 5 · “Quick and kind”"); questions written as a list are read too.</item>
/// <item><c>response_feedback {feedback: "Good response" | "Bad response", mid}</c>: the customer rated a reply ("Rated a reply:
/// Good response"; the rated message is the event's mid).</item>
/// <item><c>account_linking {status: linked | unlinked, authorization_code}</c>: the code is the business's to redeem, never shown.</item>
/// <item><c>game_play {game_id, player_id, context_type, context_id, score, payload}</c>: "Played a game · score 120".</item>
/// </list>
/// </summary>
internal static class MessengerNotices
{
    private const int MaxAnswers = 20;
    private const int CommentLength = 500;

    /// <summary>The notice an event carries, and the message it is about (a rated reply), or null when it carries none.</summary>
    public static (string Text, string? Mid)? Read(JsonElement item)
    {
        if (MessengerJson.Object(item, "messaging_feedback") is { } feedback)
        {
            return (Feedback(feedback), null);
        }

        if (MessengerJson.Object(item, "response_feedback") is { } response)
        {
            var rating = TextLimit.Words(MessengerJson.Text(response, "feedback", 60));
            return (rating is null ? "Rated a reply" : $"Rated a reply: {rating}", MessengerJson.Text(response, "mid", Domain.Conversations.MessengerMessage.MidLength));
        }

        if (MessengerJson.Object(item, "account_linking") is { } linking)
        {
            var status = TextLimit.Words(MessengerJson.Text(linking, "status", 40))?.ToLowerInvariant();
            return (status switch
            {
                "linked" => "Linked their account",
                "unlinked" => "Unlinked their account",
                null => "Account linking",
                _ => $"Account linking: {status}",
            }, null);
        }

        if (MessengerJson.Object(item, "game_play") is { } game)
        {
            var score = TextLimit.Words(MessengerJson.Text(game, "score", 40));
            return (score is null ? "Played a game" : $"Played a game · score {score}", null);
        }

        return null;
    }

    private static string Feedback(JsonElement feedback)
    {
        var answers = MessengerJson.Array(feedback, "feedback_screens")
            .SelectMany(screen => Questions(screen))
            .Take(MaxAnswers)
            .Select(Answer)
            .OfType<string>()
            .ToList();
        return answers.Count == 0 ? "Answered a feedback survey" : "Feedback: " + string.Join(" · ", answers);
    }

    /// <summary>A screen's questions: an object keyed by question id (Meta's reference), or a list.</summary>
    private static IEnumerable<JsonElement> Questions(JsonElement screen)
    {
        if (MessengerJson.Object(screen, "questions") is { } keyed)
        {
            return keyed.EnumerateObject().Select(q => q.Value).Where(q => q.ValueKind == JsonValueKind.Object);
        }

        return MessengerJson.Array(screen, "questions").Where(q => q.ValueKind == JsonValueKind.Object);
    }

    /// <summary>"CSAT 4 of 5", "NPS 9 of 10", "CES 2 of 7", a free-form answer in quotes, its follow-up comment after it.</summary>
    private static string? Answer(JsonElement question)
    {
        var type = TextLimit.Words(MessengerJson.Text(question, "type", 40))?.ToLowerInvariant();
        var given = TextLimit.Words(MessengerJson.Text(question, "payload", CommentLength));
        var answer = (type, given) switch
        {
            (_, null) => null,
            ("free_form", _) => $"“{given}”",
            ("csat", _) => $"CSAT {given} of 5",
            ("nps", _) => $"NPS {given} of 10",
            ("ces", _) => $"CES {given} of 7",
            (null, _) => given,
            _ => $"{type.ToUpperInvariant()} {given}",
        };
        var comment = TextLimit.Words(MessengerJson.Text(MessengerJson.Object(question, "follow_up"), "payload", CommentLength));
        return comment is null ? answer : answer is null ? $"“{comment}”" : $"{answer} · “{comment}”";
    }
}
