using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.ApiKeys;
using Platform.Data.Entities;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform keys create --tenant NAME [--admin] [--name NAME]</c>: creates an API key straight in the database (the
/// tenant too, when it is new) and prints the key once. This is how the first admin key comes to exist.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var connection = new DatabaseConnection();
        var tenant = new Option<string>("--tenant") { Description = "Tenant name; created when it does not exist", Required = true };
        var admin = new Option<bool>("--admin") { Description = "The key may manage tenants and keys (/v1/admin)" };
        var name = new Option<string>("--name") { Description = "What the key is for", DefaultValueFactory = _ => "cli" };
        var create = new Command("create", "Create an API key and print it (it is shown only this once)") { tenant, admin, name, connection.Option };
        create.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var db = connection.Open(parseResult, "platform keys create");
            if (db is null)
            {
                return 2;
            }
            var now = DateTimeOffset.UtcNow;
            var owner = await FindOrCreateTenantAsync(db, parseResult.GetRequiredValue(tenant).Trim(), now, cancellationToken);
            var issued = await ApiKeyIssuer.CreateAsync(db, owner.Id, parseResult.GetRequiredValue(name), parseResult.GetValue(admin), now, cancellationToken);
            await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                $"Key {issued.Key.Id} for tenant '{owner.Name}' ({owner.Id}){(issued.Key.IsAdmin ? ", admin" : "")}; it is not stored and will not be shown again:");
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(issued.Token);
            return 0;
        });
        return new Command("keys", "API keys") { create };
    }

    private static async Task<Tenant> FindOrCreateTenantAsync(PlatformDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Tenants.SingleOrDefaultAsync(t => t.Name == name, cancellationToken) is { } existing)
        {
            return existing;
        }
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Name = name, CreatedAt = now };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}
