# Windows CI runner: build the bundle and the Inno Setup installer, smoke-test both.
#   powershell -ExecutionPolicy Bypass -File packaging\ci\windows.ps1
# Needs: Python 3.11+, uv, Inno Setup 6.5+ (iscc on PATH or in its default folder).
# NOT RUN in the Linux workspace where it was written.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Get-Command uv -ErrorAction SilentlyContinue)) { python -m pip install uv }

$clock = [Diagnostics.Stopwatch]::StartNew()
uv run --group build pyinstaller --noconfirm packaging/kehila-desktop.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
"build time: {0:N0} s" -f $clock.Elapsed.TotalSeconds
$bytes = (Get-ChildItem dist\kehila-desktop -Recurse -File | Measure-Object Length -Sum).Sum
"bundle size: {0:N0} MB" -f ($bytes / 1MB)

# The bundle opens the sample and a program file, then quits (exit 0).
$exe = "dist\kehila-desktop\kehila-desktop.exe"
$env:QT_QPA_PLATFORM = "offscreen"
$env:KEHILA_INSTANCE_KEY = "kehila-ci-$PID"
$sample = Join-Path $env:TEMP "kehila-ci.kehila"
Remove-Item $sample -ErrorAction SilentlyContinue
uv run kehila new $sample --sample
foreach ($arguments in @(@("--quit-when-ready"), @("--quit-when-ready", "`"$sample`""))) {
    $run = Start-Process $exe -ArgumentList $arguments -Wait -PassThru
    if ($run.ExitCode) { throw "smoke run $arguments failed: exit $($run.ExitCode)" }
}
# Printing inside the bundle: the bundled kehila.exe and the app's own Export PDF.
$cli = "dist\kehila-desktop\kehila.exe"
& $cli --version
if ($LASTEXITCODE) { throw "kehila.exe --version failed" }
foreach ($lang in @("he", "ar", "en")) {
    & $cli print $sample people (Join-Path $env:TEMP "kehila-ci-people-$lang.pdf") --language $lang
    if ($LASTEXITCODE) { throw "bundled kehila print ($lang) failed" }
    $env:KEHILA_SMOKE_EXPORT = Join-Path $env:TEMP "kehila-ci-app-$lang.pdf"
    $run = Start-Process $exe -ArgumentList "--quit-when-ready", "--language", $lang, "`"$sample`"" -Wait -PassThru
    if ($run.ExitCode -or -not (Test-Path $env:KEHILA_SMOKE_EXPORT)) { throw "the app's Export PDF ($lang) failed" }
    Remove-Item Env:\KEHILA_SMOKE_EXPORT
}
Remove-Item Env:\QT_QPA_PLATFORM

# The installer: build it, install for this user silently, check the file type, uninstall.
$version = (uv run python -c "import kehila_desktop; print(kehila_desktop.__version__)").Trim()
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\kehila.iss
if ($LASTEXITCODE) { throw "iscc failed" }
$setup = "dist\KehilaDesktop-Setup-$version.exe"
"installer: {0:N0} MB" -f ((Get-Item $setup).Length / 1MB)
Start-Process $setup -ArgumentList "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait
$progId = (Get-ItemProperty "HKCU:\Software\Classes\.kehila").'(default)'
if ($progId -ne "KehilaDesktop.Program") { throw ".kehila is not registered (got '$progId')" }
$command = (Get-ItemProperty "HKCU:\Software\Classes\KehilaDesktop.Program\shell\open\command").'(default)'
"open command: $command"
$installed = Join-Path $env:LOCALAPPDATA "Programs\Kehila Desktop"
$env:QT_QPA_PLATFORM = "offscreen"
$run = Start-Process (Join-Path $installed "kehila-desktop.exe") -ArgumentList "--quit-when-ready", "`"$sample`"" -Wait -PassThru
if ($run.ExitCode) { throw "the installed app failed: exit $($run.ExitCode)" }
Start-Process (Join-Path $installed "unins000.exe") -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES" -Wait
"windows packaging smoke test passed"
