using Platform.ModelBuilder.Graphs;
using Platform.ModelBuilder.Onnx;
using Platform.ModelBuilder.Tokenizers;
using Platform.ModelBuilder.Transformers;

namespace Platform.ModelBuilder.Translation;

/// <summary>
/// Hand-set graphs of the word translator. The encoder maps each source token to a one-hot word
/// class (padding becomes &lt;/s&gt;); the decoder at position t reads encoder position t (clamped to
/// the last, which is &lt;/s&gt;), a hard cross-attention to the same position, and scores that
/// word's translation.
/// </summary>
public sealed class WordTranslatorModel(IReadOnlyDictionary<string, int> vocabulary, string targetLanguage)
{
    private const float Margin = 20f;
    private readonly int vocabularySize = vocabulary.Count;
    private readonly int endClass = WordTranslations.Table.Count;

    public int Hidden => WordTranslations.Table.Count + 2;

    public DecoderSpec Spec => new(1, 1, Hidden, vocabularySize, 512, Seq2Seq: true);

    public void WriteEncoder(string path)
    {
        var g = new GraphBuilder("encoder_model");
        var ids = g.Input("input_ids", TensorProto.Types.DataType.Int64, "batch_size", "encoder_sequence_length");
        var mask = g.Input("attention_mask", TensorProto.Types.DataType.Int64, "batch_size", "encoder_sequence_length");
        var classes = g.Gather(g.Initializer("encoder.word_classes", [vocabularySize, Hidden], WordClasses), ids);
        var kept = g.Unsqueeze(g.Cast(mask, TensorProto.Types.DataType.Float), 2);
        var end = new float[Hidden];
        end[endClass] = 1f;
        var padding = g.Mul(g.Sub(g.FloatScalar(1f), kept), g.Floats([Hidden], end));
        g.Output(g.Add(g.Mul(classes, kept), padding), "last_hidden_state", TensorProto.Types.DataType.Float, ["batch_size", "encoder_sequence_length", Hidden]);
        OnnxModelFile.Write(g, path);
    }

    public IReadOnlyList<DecoderOutput> BuildDecoder(GraphBuilder g, bool withPast)
    {
        var encoderKey = withPast ? DecoderSpec.CrossCache("past_key_values", 0, "key") : g.Unsqueeze("encoder_hidden_states", 1);
        var encoderValue = withPast ? DecoderSpec.CrossCache("past_key_values", 0, "value") : encoderKey;

        // The decoder's own cache only carries the length of what has been decoded.
        var features = g.Unsqueeze(g.Gather(g.Initializer("decoder.cache_features", [vocabularySize, Hidden], () => new float[vocabularySize * Hidden]), "input_ids"), 1);
        var key = withPast ? g.Concat(2, Spec.SelfCache("past_key_values", 0, "key"), features) : features;
        var value = withPast ? g.Concat(2, Spec.SelfCache("past_key_values", 0, "value"), features) : features;
        var past = withPast ? g.DimSize(Spec.SelfCache("past_key_values", 0, "key"), 2) : g.Int64Scalar(0);
        var positions = g.Range(past, g.Add(past, g.DimSize("input_ids", 1)));
        var lastSource = g.Sub(g.DimSize(encoderKey, 2), g.Int64Scalar(1));
        var aligned = g.Squeeze(g.Gather(encoderKey, g.Min(positions, lastSource), 2), 1);
        var logits = g.MatMul(aligned, g.Initializer("decoder.translations", [Hidden, vocabularySize], Translations));
        return
        [
            new DecoderOutput("logits", logits, false),
            new DecoderOutput(Spec.SelfCache("present", 0, "key"), key, false),
            new DecoderOutput(Spec.SelfCache("present", 0, "value"), value, false),
            new DecoderOutput(DecoderSpec.CrossCache("present", 0, "key"), encoderKey, true),
            new DecoderOutput(DecoderSpec.CrossCache("present", 0, "value"), encoderValue, true),
        ];
    }

    private float[] WordClasses()
    {
        var values = new float[vocabularySize * Hidden];
        foreach (var (token, id) in vocabulary)
        {
            var word = WordTranslations.Table.ToList().FindIndex(entry => WholeWordPieces.WordBoundary + entry.English == token);
            var wordClass = word >= 0 ? word
                : token is MarianVocabularyWriter.EndOfSentence or MarianVocabularyWriter.Padding ? endClass
                : endClass + 1;
            values[(id * Hidden) + wordClass] = 1f;
        }

        return values;
    }

    private float[] Translations()
    {
        var values = new float[Hidden * vocabularySize];
        for (var word = 0; word < WordTranslations.Table.Count; word++)
        {
            var target = WholeWordPieces.WordBoundary + WordTranslations.Table[word].In(targetLanguage);
            values[(word * vocabularySize) + vocabulary[target]] = Margin;
        }

        values[(endClass * vocabularySize) + vocabulary[MarianVocabularyWriter.EndOfSentence]] = Margin;
        values[((endClass + 1) * vocabularySize) + vocabulary[MarianVocabularyWriter.Unknown]] = Margin;
        return values;
    }
}
