using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.Inference.Execution;

/// <summary>Creates and reads tensors in whatever element type a model declares (int32/int64 ids, float/float16).</summary>
internal static class Tensors
{
    public static OrtValue Integers(TensorElementType type, ReadOnlySpan<long> values, long[] shape)
    {
        switch (type)
        {
            case TensorElementType.Int64:
                return OrtValue.CreateTensorValueFromMemory(values.ToArray(), shape);
            case TensorElementType.Int32:
                var narrowed = new int[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    narrowed[i] = checked((int)values[i]);
                }
                return OrtValue.CreateTensorValueFromMemory(narrowed, shape);
            default:
                throw new NotSupportedException($"Integer inputs of type {type} are not supported.");
        }
    }

    public static OrtValue Floats(TensorElementType type, float[] values, long[] shape)
    {
        switch (type)
        {
            case TensorElementType.Float:
                return OrtValue.CreateTensorValueFromMemory(values, shape);
            case TensorElementType.Float16:
                var halves = new Float16[values.Length];
                var target = MemoryMarshal.Cast<Float16, Half>(halves.AsSpan());
                for (var i = 0; i < values.Length; i++)
                {
                    target[i] = (Half)values[i];
                }
                return OrtValue.CreateTensorValueFromMemory(halves, shape);
            default:
                throw new NotSupportedException($"Floating-point inputs of type {type} are not supported.");
        }
    }

    public static OrtValue Flag(bool value) => OrtValue.CreateTensorValueFromMemory(new[] { value }, [1]);

    public static OrtValue Allocate(TensorElementType type, long[] shape) =>
        OrtFailures.Guard(() => OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, shape));

    /// <summary>Copies, for every row, the vector at <paramref name="position"/> of a [rows, positions, width] float tensor.</summary>
    public static float[] ReadPosition(OrtValue tensor, int position)
    {
        var shape = tensor.GetTensorTypeAndShape();
        var (rows, positions, width) = ((int)shape.Shape[0], (int)shape.Shape[1], (int)shape.Shape[2]);
        var result = new float[rows * width];
        for (var row = 0; row < rows; row++)
        {
            var offset = ((row * positions) + position) * width;
            var destination = result.AsSpan(row * width, width);
            if (shape.ElementDataType == TensorElementType.Float16)
            {
                var source = MemoryMarshal.Cast<Float16, Half>(tensor.GetTensorDataAsSpan<Float16>()).Slice(offset, width);
                for (var i = 0; i < width; i++)
                {
                    destination[i] = (float)source[i];
                }
            }
            else
            {
                tensor.GetTensorDataAsSpan<float>().Slice(offset, width).CopyTo(destination);
            }
        }
        return result;
    }

    /// <summary>A new tensor whose row i (first dimension) is row <c>rows[i]</c> of <paramref name="source"/>.</summary>
    public static OrtValue GatherRows(OrtValue source, ReadOnlySpan<int> rows)
    {
        var info = source.GetTensorTypeAndShape();
        var shape = (long[])info.Shape.Clone();
        var rowBytes = shape[0] == 0 ? 0 : checked((int)((long)source.GetTensorSizeInBytes() / shape[0]));
        shape[0] = rows.Length;
        var result = Allocate(info.ElementDataType, shape);
        var from = source.GetTensorMutableRawData();
        var to = result.GetTensorMutableRawData();
        for (var i = 0; i < rows.Length; i++)
        {
            from.Slice(rows[i] * rowBytes, rowBytes).CopyTo(to.Slice(i * rowBytes, rowBytes));
        }
        return result;
    }
}
