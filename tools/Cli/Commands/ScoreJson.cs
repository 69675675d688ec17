using System.Text.Json.Nodes;

using Platform.Metrics.Evaluation;

namespace Platform.Cli.Commands;

/// <summary>The JSON object <c>platform score</c> prints: one member per requested metric.</summary>
internal static class ScoreJson
{
    public static JsonObject From(EvaluationResult result)
    {
        var json = new JsonObject();
        if (result.Bleu is { } bleu)
        {
            json["bleu"] = new JsonObject
            {
                ["score"] = bleu.Score,
                ["counts"] = new JsonArray([.. bleu.Counts.Select(value => JsonValue.Create(value))]),
                ["totals"] = new JsonArray([.. bleu.Totals.Select(value => JsonValue.Create(value))]),
                ["precisions"] = new JsonArray([.. bleu.Precisions.Select(value => JsonValue.Create(value))]),
                ["bp"] = bleu.Bp,
                ["sys_len"] = bleu.SysLen,
                ["ref_len"] = bleu.RefLen,
                ["signature"] = bleu.Signature,
            };
        }

        if (result.Chrf is { } chrf)
        {
            json["chrf"] = new JsonObject { ["score"] = chrf.Score, ["signature"] = chrf.Signature };
        }

        if (result.ChrfPlusPlus is { } chrfPlusPlus)
        {
            json["chrf++"] = new JsonObject { ["score"] = chrfPlusPlus.Score, ["signature"] = chrfPlusPlus.Signature };
        }

        if (result.CocoBleu is { } cocoBleu)
        {
            json["coco_bleu"] = new JsonObject
            {
                ["bleu1"] = cocoBleu[0],
                ["bleu2"] = cocoBleu[1],
                ["bleu3"] = cocoBleu[2],
                ["bleu4"] = cocoBleu[3],
            };
        }

        if (result.Cider is { } cider)
        {
            json["cider"] = new JsonObject { ["score"] = cider.Score };
        }

        if (result.RougeL is { } rougeL)
        {
            json["rouge_l"] = new JsonObject { ["score"] = rougeL.Score };
        }

        return json;
    }
}
