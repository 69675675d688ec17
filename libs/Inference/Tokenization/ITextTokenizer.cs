namespace Platform.Inference.Tokenization;

/// <summary>Text ↔ token ids exactly as the checkpoint's Hugging Face tokenizer produces them.</summary>
public interface ITextTokenizer
{
    /// <summary>
    /// Encoder input ids including the model's special tokens: Marian <c>X &lt;/s&gt;</c>;
    /// mBART-50 <c>[src_lang] X &lt;/s&gt;</c>; GPT-2 byte-level BPE: plain ids.
    /// <paramref name="sourceLanguage"/> is a language code (e.g. <c>en_XX</c>) for tokenizers that have them
    /// and is ignored by the others.
    /// </summary>
    int[] Encode(string text, string? sourceLanguage = null);

    /// <summary>Text of <paramref name="ids"/>, skipping special tokens (pad, bos, eos, unk, language codes).</summary>
    string Decode(ReadOnlySpan<int> ids);

    /// <summary>The id of a whole token such as <c>fr_XX</c>, <c>&lt;/s&gt;</c> or <c>&lt;pad&gt;</c>; null when unknown.</summary>
    int? TokenToId(string token);

    /// <summary>Number of ids the model's embedding has rows for (highest id + 1).</summary>
    int VocabularySize { get; }
}
