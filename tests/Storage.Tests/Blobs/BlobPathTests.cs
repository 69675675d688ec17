using Platform.Storage.Blobs;

namespace Platform.Storage.Tests.Blobs;

public class BlobPathTests
{
    [Theory]
    [InlineData("container/a/b.jpg", "container", "a/b.jpg")]
    [InlineData("my-data-01/x.png", "my-data-01", "x.png")]
    public void SplitBlobPath_separates_the_container_from_the_blob_name(string blobPath, string container, string path)
    {
        Assert.Equal((container, path), BlobStore.SplitBlobPath(blobPath));
    }

    [Theory]
    [InlineData("nocontainer")]
    [InlineData("/container/a.jpg")]
    [InlineData("Container/a.jpg")]
    [InlineData("ab/a.jpg")]
    [InlineData("my--data/a.jpg")]
    [InlineData("-data/a.jpg")]
    [InlineData("container/")]
    [InlineData("container/a/../../b.jpg")]
    [InlineData("container/./b.jpg")]
    [InlineData("container/a//b.jpg")]
    [InlineData("container/a\\b.jpg")]
    [InlineData("container/a\nb.jpg")]
    public void SplitBlobPath_rejects_unsafe_or_invalid_paths(string blobPath)
    {
        var exception = Assert.Throws<ArgumentException>(() => BlobStore.SplitBlobPath(blobPath));

        Assert.Equal("blobPath", exception.ParamName);
    }

    [Fact]
    public void Blob_names_longer_than_the_service_allows_are_rejected()
    {
        Assert.NotNull(BlobPath.ValidateName(new string('a', 1025)));
        Assert.Null(BlobPath.ValidateName(new string('a', 1024)));
    }
}
