using Platform.Inference.Tests.Support;
using Platform.Inference.Tokenization;

namespace Platform.Inference.Tests.Tokenization;

/// <summary>The vocabulary and expectation of transformers' GPT2TokenizationTest.test_full_tokenizer (tests/models/gpt2).</summary>
public sealed class Gpt2TransformersFixtureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Lower_newer_with_prefix_space_gives_the_transformers_ids()
    {
        string[] vocabulary =
        [
            "l", "o", "w", "e", "r", "s", "t", "i", "d", "n", "\u0120", "\u0120l", "\u0120n", "\u0120lo", "\u0120low", "er",
            "\u0120lowest", "\u0120newer", "\u0120wider", "<unk>", "<|endoftext|>",
        ];
        File.WriteAllText(_directory.File("vocab.json"),
            System.Text.Json.JsonSerializer.Serialize(vocabulary.Select((token, id) => (token, id)).ToDictionary()));
        File.WriteAllLines(_directory.File("merges.txt"), ["#version: 0.2", "\u0120 l", "\u0120l o", "\u0120lo w", "e r", ""]);
        File.WriteAllText(_directory.File("special_tokens_map.json"), """{"unk_token": "<unk>"}""");
        File.WriteAllText(_directory.File("tokenizer_config.json"), """{"add_prefix_space": true}""");
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        // bpe_tokens Ġlow er Ġ n e w er → [14, 15, 10, 9, 3, 2, 15]; <unk> → 19.
        Assert.Equal([14, 15, 10, 9, 3, 2, 15], tokenizer.Encode("lower newer"));
        Assert.Equal(19, tokenizer.TokenToId("<unk>"));
        Assert.Equal(" lower newer", tokenizer.Decode([14, 15, 19, 10, 9, 3, 2, 15, 20]));
    }

    public void Dispose() => _directory.Dispose();
}
