namespace Platform.Inference.Tokenization;

/// <summary>Loads the tokenizer of a checkpoint folder (Hugging Face / optimum layout) by the files it holds.</summary>
public static class CheckpointTokenizer
{
    public const string TokenizerJson = "tokenizer.json";

    /// <summary>
    /// Model-specific layouts win over tokenizer.json, because their special-token rules (Marian's
    /// <c>&lt;/s&gt;</c>, mBART-50's language codes) are known exactly: source.spm + target.spm + vocab.json
    /// (Marian) | sentencepiece.bpe.model (mBART-50) | vocab.json + merges.txt (GPT-2 byte-level BPE) | tokenizer.json.
    /// Decoding cleans spaces before punctuation only where tokenizer_config.json sets clean_up_tokenization_spaces
    /// (recent transformers' default when absent). The tokenizers returned are immutable and safe to share across threads.
    /// </summary>
    /// <exception cref="InvalidDataException">No usable tokenizer; the message names the missing or bad file.</exception>
    public static ITextTokenizer Load(string checkpointDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkpointDirectory);
        if (!Directory.Exists(checkpointDirectory))
        {
            throw new InvalidDataException($"{checkpointDirectory}: checkpoint folder does not exist.");
        }

        var tokenizer = LoadByFiles(checkpointDirectory);
        return TokenizerConfig.Read(checkpointDirectory).CleanUpSpaces ? new SpaceCleaningTokenizer(tokenizer) : tokenizer;
    }

    private static ITextTokenizer LoadByFiles(string checkpointDirectory)
    {
        bool Has(string name) => TokenizerFile.Exists(checkpointDirectory, name);
        if (Has(MarianTokenizer.SourceModel) || Has(MarianTokenizer.TargetModel))
        {
            var missing = new[] { MarianTokenizer.SourceModel, MarianTokenizer.TargetModel, MarianTokenizer.VocabularyFile }.FirstOrDefault(name => !Has(name));
            return missing is null
                ? MarianTokenizer.Load(checkpointDirectory)
                : throw new InvalidDataException($"{Path.Combine(checkpointDirectory, missing)}: missing; a Marian tokenizer needs source.spm, target.spm and vocab.json.");
        }

        if (Has(Mbart50Tokenizer.ModelFile))
        {
            return Mbart50Tokenizer.Load(checkpointDirectory);
        }

        if (Has(ByteLevelBpeTokenizer.VocabularyFile) && Has(ByteLevelBpeTokenizer.MergesFile))
        {
            return ByteLevelBpeTokenizer.Load(checkpointDirectory);
        }

        if (Has(TokenizerJson))
        {
            return TokenizerJsonLoader.Load(checkpointDirectory);
        }

        var partial = Has(ByteLevelBpeTokenizer.VocabularyFile) ? $" ({ByteLevelBpeTokenizer.VocabularyFile} without {ByteLevelBpeTokenizer.MergesFile})" : "";
        throw new InvalidDataException(
            $"{Path.Combine(checkpointDirectory, TokenizerJson)}: missing, and no other tokenizer found{partial}; expected tokenizer.json, "
            + "vocab.json + merges.txt, source.spm + target.spm + vocab.json, or sentencepiece.bpe.model.");
    }
}
