using Platform.Inference.Tests.Support;
using System.Text.Json.Nodes;
using Platform.Inference.Tokenization;
using Platform.ModelBuilder.Tokenizers;

namespace Platform.Inference.Tests.Tokenization;

public sealed class TokenizerJsonTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Byte_level_BPE_gives_the_same_ids_as_vocab_json_and_merges_txt(bool mergesAsPairs)
    {
        var (vocabulary, merges) = Gpt2VocabularyWriter.Build(["a", "red", "circle"]);
        var endOfText = vocabulary[Gpt2VocabularyWriter.EndOfText];
        WriteTokenizerJson(new JsonObject
        {
            ["added_tokens"] = new JsonArray(AddedToken(endOfText, Gpt2VocabularyWriter.EndOfText)),
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["use_regex"] = true },
            ["post_processor"] = new JsonObject { ["type"] = "ByteLevel" },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE",
                ["vocab"] = new JsonObject(vocabulary.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                ["merges"] = new JsonArray([.. merges.Select(m => mergesAsPairs ? new JsonArray([.. m.Split(' ').Select(s => (JsonNode?)s)]) : (JsonNode?)m)]),
            },
        });
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([64, vocabulary["Ġred"], 220, vocabulary["Ġcircle"], endOfText], tokenizer.Encode("a red  circle<|endoftext|>"));
        Assert.Equal("a red circle", tokenizer.Decode([endOfText, 64, vocabulary["Ġred"], vocabulary["Ġcircle"]]));
        Assert.Equal(vocabulary.Count, tokenizer.VocabularySize);
    }

    [Fact]
    public void Unigram_segments_with_the_vocab_and_wraps_the_template_specials()
    {
        // <s> 0, <pad> 1, </s> 2, <unk> 3, ▁Hello 4, ▁world 5, ▁ 6, then single characters.
        WriteUnigram(["<s>", "<pad>", "</s>", "<unk>"], "<s>", new JsonObject { ["<s>"] = TemplateIds(0), ["</s>"] = TemplateIds(2) });
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([0, 4, 5, 2], tokenizer.Encode("Hello world"));
        Assert.Equal([0, 4, 3, 2], tokenizer.Encode("Hello%"));
        Assert.Equal("Hello world", tokenizer.Decode([0, 4, 1, 5, 2, 3]));
        Assert.Equal((2, 5), (tokenizer.TokenToId("</s>"), tokenizer.TokenToId("▁world")));
    }

    [Fact]
    public void A_language_code_in_the_template_follows_the_source_language()
    {
        // As mBART-50's tokenizer.json: [en_XX] X </s>, with en_XX 4 and fr_XX 5 added; ▁Hello 6.
        WriteUnigram(["<s>", "<pad>", "</s>", "<unk>", "en_XX", "fr_XX"], "en_XX", new JsonObject { ["en_XX"] = TemplateIds(4), ["</s>"] = TemplateIds(2) });
        var tokenizer = CheckpointTokenizer.Load(_directory.Path);

        Assert.Equal([4, 6, 2], tokenizer.Encode("Hello"));
        Assert.Equal([5, 6, 2], tokenizer.Encode("Hello", "fr_XX"));
        Assert.Equal("Hello", tokenizer.Decode([5, 6, 2]));
        Assert.Throws<ArgumentException>(() => tokenizer.Encode("Hello", "de_DE"));
    }

    [Fact]
    public void Other_model_types_are_rejected_naming_the_file_and_the_type()
    {
        WriteTokenizerJson(new JsonObject { ["model"] = new JsonObject { ["type"] = "WordPiece", ["vocab"] = new JsonObject() } });

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains("tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("WordPiece", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BPE_that_is_not_byte_level_is_rejected()
    {
        WriteTokenizerJson(new JsonObject { ["model"] = new JsonObject { ["type"] = "BPE", ["vocab"] = new JsonObject(), ["merges"] = new JsonArray() } });

        var error = Assert.Throws<InvalidDataException>(() => CheckpointTokenizer.Load(_directory.Path));

        Assert.Contains("ByteLevel", error.Message, StringComparison.Ordinal);
    }

    private void WriteUnigram(string[] specials, string first, JsonObject templateTokens)
    {
        var pieces = WholeWordPieces.Build([], ["Hello", "world"], SentencePieceModelType.Unigram);
        WriteTokenizerJson(new JsonObject
        {
            ["added_tokens"] = new JsonArray([.. specials.Select((token, id) => AddedToken(id, token))]),
            ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "always" },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(TemplateToken(first), new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A" } }, TemplateToken("</s>")),
                ["special_tokens"] = templateTokens,
            },
            ["model"] = new JsonObject
            {
                ["type"] = "Unigram",
                ["unk_id"] = 3,
                ["vocab"] = new JsonArray([.. specials.Select(s => (s, 0f)).Concat(pieces.Select(p => (p.Piece, p.Score)))
                    .Select(p => (JsonNode?)new JsonArray(p.Item1, p.Item2))]),
            },
        });
    }

    private static JsonObject AddedToken(int id, string content) => new() { ["id"] = id, ["content"] = content, ["special"] = true };

    private static JsonObject TemplateToken(string id) => new() { ["SpecialToken"] = new JsonObject { ["id"] = id, ["type_id"] = 0 } };

    private static JsonObject TemplateIds(int id) => new() { ["ids"] = new JsonArray(id) };

    private void WriteTokenizerJson(JsonObject json) => File.WriteAllText(_directory.File("tokenizer.json"), json.ToJsonString());

    public void Dispose() => _directory.Dispose();
}
