# The three workers' image (SERVICE: CaptionWorker, TranslateWorker or EvalWorker), with ONNX Runtime's CUDA provider.
# Build context: the repository root (see docker-compose.yml). One file for the three: they differ only by project.
# ONNXRUNTIME_FLAVOR=Gpu restores Microsoft.ML.OnnxRuntime.Gpu (CUDA 12, cuDNN 9); Cpu gives the CPU-only package.
# The runtime stage is NVIDIA's CUDA + cuDNN image with the ASP.NET Core runtime copied in from Microsoft's
# image (both Ubuntu 24.04); without a GPU, ONNX Runtime falls back to its CPU provider.
ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
ARG ONNXRUNTIME_FLAVOR=Gpu
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY libs/ libs/
COPY services/${SERVICE}/ services/${SERVICE}/
RUN test -n "${SERVICE}" \
    && dotnet publish "services/${SERVICE}/${SERVICE}.csproj" -c Release -o /app -p:UseAppHost=false \
       -p:OnnxRuntimeFlavor=${ONNXRUNTIME_FLAVOR}

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM ${CUDA_IMAGE}
ARG SERVICE
# The .NET runtime's own dependencies on Ubuntu 24.04.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libicu74 libssl3t64 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1654 --user-group --create-home app \
    && install -d -o app -g app /var/cache/platform/checkpoints
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet \
    ASPNETCORE_URLS=http://+:8080 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    PLATFORM_SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app ./
EXPOSE 8080
USER app
# The image has no curl: bash's /dev/tcp makes the HTTP request.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# exec: dotnet becomes PID 1 and gets SIGTERM directly.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"Platform.${PLATFORM_SERVICE}.dll\" \"$@\"", "--"]
