using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Api.Extensions;

public static class DatabaseMigrationExtensions
{
    /// <summary>The Api is the one place that migrates (besides <c>platform db migrate</c>); workers wait for it.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<PlatformDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }
}
