using Platform.Inference.Imaging;

namespace Platform.Inference.Tests.Imaging;

public class PreprocessorConfigTests
{
    [Fact]
    public void Old_vit_feature_extractor_integer_size_is_a_square()
    {
        var config = PreprocessorConfig.Parse("""
            {"do_normalize": true, "do_resize": true, "feature_extractor_type": "ViTFeatureExtractor",
             "image_mean": [0.5, 0.5, 0.5], "image_std": [0.5, 0.5, 0.5], "resample": 2, "size": 224}
            """);

        Assert.Equal(new ImageSize(224, 224), config.Size);
        Assert.Null(config.ShortestEdge);
        Assert.Equal(ResamplingFilter.Bilinear, config.Resample);
        Assert.True(config.DoRescale);
        Assert.Equal(1 / 255.0, config.RescaleFactor);
        Assert.Equal(new ImageSize(224, 224), config.OutputSize);
    }

    [Fact]
    public void Clip_integer_size_is_the_shortest_edge_and_crop_size_a_square()
    {
        var config = PreprocessorConfig.Parse("""
            {"crop_size": 224, "do_center_crop": true, "do_normalize": true, "do_resize": true,
             "feature_extractor_type": "CLIPFeatureExtractor", "image_mean": [0.48145466, 0.4578275, 0.40821073],
             "image_std": [0.26862954, 0.26130258, 0.27577711], "resample": 3, "size": 224}
            """);

        Assert.Equal(224, config.ShortestEdge);
        Assert.Equal(new ImageSize(224, 224), config.CropSize);
        Assert.Equal(ResamplingFilter.Bicubic, config.Resample);
        Assert.Equal(new ImageSize(224, 224), config.OutputSize);
    }

    [Fact]
    public void Dictionary_sizes_and_scalar_mean_are_read()
    {
        var config = PreprocessorConfig.Parse("""
            {"image_processor_type": "BlipImageProcessor", "size": {"height": 384, "width": 320},
             "image_mean": 0.5, "image_std": 0.25, "rescale_factor": 0.00392156862745098, "do_rescale": true}
            """);

        Assert.Equal(new ImageSize(384, 320), config.Size);
        Assert.Equal(ResamplingFilter.Bicubic, config.Resample);
        Assert.Equal([0.5, 0.5, 0.5], config.ImageMean);
        Assert.Equal([0.25, 0.25, 0.25], config.ImageStd);
    }

    [Fact]
    public void Shortest_edge_dictionary_keeps_the_aspect_ratio_as_hf_computes_it()
    {
        var config = PreprocessorConfig.Parse("""
            {"image_processor_type": "CLIPImageProcessor", "size": {"shortest_edge": 224}, "crop_size": {"height": 224, "width": 224}}
            """);

        // int(224 * 640 / 480) = 298; int(224 * 641 / 427) = int(336.26) = 336.
        Assert.Equal(new ImageSize(224, 298), config.ResizeTarget(new ImageSize(480, 640)));
        Assert.Equal(new ImageSize(336, 224), config.ResizeTarget(new ImageSize(641, 427)));
        Assert.Equal(new ImageSize(224, 224), config.ResizeTarget(new ImageSize(50, 50)));
    }

    [Theory]
    [InlineData("""{"size": "big"}""", "size")]
    [InlineData("""{"size": {"shortest_edge": 224, "longest_edge": 1333}}""", "longest_edge")]
    [InlineData("""{"resample": 9}""", "resample")]
    [InlineData("""{"image_mean": [0.5, 0.5]}""", "image_mean")]
    [InlineData("""{"do_resize": "yes"}""", "do_resize")]
    [InlineData("""[1, 2]""", "object")]
    [InlineData("""{"size": 224""", "JSON")]
    public void Bad_values_name_the_key(string json, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => PreprocessorConfig.Parse(json));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_reads_a_file_and_names_it_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"preprocessor_config_{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"size": {"height": 32, "width": 48}, "do_normalize": false}""");
            Assert.Equal(new ImageSize(32, 48), PreprocessorConfig.Load(path).Size);

            File.WriteAllText(path, """{"size": -1}""");
            Assert.Contains(path, Assert.Throws<InvalidDataException>(() => PreprocessorConfig.Load(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
