using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Data;

/// <summary>For <c>dotnet ef migrations add</c> only; no database is contacted.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlatformDbContext>
{
    public PlatformDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PlatformDbContext>();
        PlatformDbContextOptions.Configure(options, "Host=localhost;Database=design");
        return new PlatformDbContext(options.Options);
    }
}
