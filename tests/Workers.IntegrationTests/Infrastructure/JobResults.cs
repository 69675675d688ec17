namespace Platform.Workers.IntegrationTests.Infrastructure;

/// <summary>The result rows a job wrote.</summary>
public static class JobResults
{
    public static Task<List<(string Key, string Language, string Text)>> ReadAsync(TestDatabase database, Guid jobId) =>
        database.QueryAsync(
            "SELECT item_key, language, text FROM results WHERE job_id = @job",
            row => (Key: row.GetString(0), Language: row.GetString(1), Text: row.GetString(2)), ("job", jobId));
}
