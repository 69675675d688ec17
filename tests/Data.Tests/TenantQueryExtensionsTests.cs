using Platform.Data.Entities;

namespace Platform.Data.Tests;

public sealed class TenantQueryExtensionsTests
{
    [Fact]
    public void OwnedBy_keeps_the_tenants_rows_only()
    {
        var mine = Guid.NewGuid();
        var rows = new[]
        {
            new Dataset { Id = Guid.NewGuid(), TenantId = mine, Name = "a" },
            new Dataset { Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Name = "b" },
            new Dataset { Id = Guid.NewGuid(), TenantId = mine, Name = "c" },
        };

        Assert.Equal(["a", "c"], rows.AsQueryable().OwnedBy(mine).Select(d => d.Name).ToArray());
    }
}
