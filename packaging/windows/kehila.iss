; Kehila Desktop installer for Windows (Inno Setup 6).
;
; Build on a Windows machine or CI runner, after the PyInstaller bundle:
;   uv run --group build pyinstaller --noconfirm packaging/kehila-desktop.spec
;   iscc packaging\windows\kehila.iss
; Output: dist\KehilaDesktop-Setup-<version>.exe
;
; What it does: installs the one-folder app (per user without administrator rights, or for
; all users when elevated), a Start-menu entry (and optionally a desktop shortcut), and
; registers *.kehila ("Kehila Metiva program file", application/x-kehila) with the document
; icon so a double-click on an e-mailed program file opens it. Setup speaks Hebrew (first,
; right-to-left), Arabic when the compiler has Arabic.isl, and English. Uninstalling removes
; the app and the file type, never the user's program files.
;
; NOT RUN HERE: written and reviewed on Linux; no Inno Setup compiler was available.

#define AppName "Kehila Desktop"
#define AppExe "kehila-desktop.exe"
#define ProgId "KehilaDesktop.Program"
#define Root AddBackslash(SourcePath) + "..\.."
#define Bundle Root + "\dist\kehila-desktop"
; CI passes the package version (kehila_desktop/__init__.py): iscc /DAppVersion=x.y.z ...
; The default below is kept equal to it by tests/packaging/test_recipes.py.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
ChangesEnvironment=yes
AppId={{0ACFDB88-168F-5B0C-AADB-814487DC40C3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kehila Metiva
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Community companions often have no administrator rights on their laptops.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile={#Root}\resources\icons\kehila-app.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir={#Root}\dist
OutputBaseFilename=KehilaDesktop-Setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; Hebrew first: it is the program's language and the default when Windows is not Arabic or
; English. Hebrew.isl and Arabic.isl ship in Inno Setup's Languages folder (6.5+); with an
; older compiler put them beside this script (https://jrsoftware.org/files/istrans/).
#if FileExists(CompilerPath + "Languages\Hebrew.isl")
Name: "he"; MessagesFile: "compiler:Languages\Hebrew.isl"
#elif FileExists(AddBackslash(SourcePath) + "Hebrew.isl")
Name: "he"; MessagesFile: "Hebrew.isl"
#else
  #error Hebrew.isl was not found: the installer must speak Hebrew
#endif
#if FileExists(CompilerPath + "Languages\Arabic.isl")
Name: "ar"; MessagesFile: "compiler:Languages\Arabic.isl"
  #define HaveArabic
#elif FileExists(AddBackslash(SourcePath) + "Arabic.isl")
Name: "ar"; MessagesFile: "Arabic.isl"
  #define HaveArabic
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
he.FileTypeName=קובץ תוכנית קהילה מיטיבה
he.AppComment=תכנון וניהול תוכנית קהילה מיטיבה
en.FileTypeName=Kehila Metiva program file
en.AppComment=Plan and run the Kehila Metiva program
#ifdef HaveArabic
ar.FileTypeName=ملف برنامج كهيلا ميتيفا
ar.AppComment=تخطيط وإدارة برنامج كهيلا ميتيفا
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The kehila command (kehila.exe, beside the app) on the user's PATH.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}')); Flags: preservestringtype
; The file type: .kehila -> KehilaDesktop.Program (HKA = per user or all users, as installed).
Root: HKA; Subkey: "Software\Classes\.kehila"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kehila"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-kehila"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.kehila\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:FileTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\_internal\resources\icons\kehila-document.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".kehila"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"

[Code]
function NeedsAddPath(Folder: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
