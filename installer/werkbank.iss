; Inno Setup 6 script: installs the standalone build for the current user only.
; Build (Windows, after `pyinstaller build.spec`), with the version from the package:
;   iscc /DAppVersion=0.1.0 installer\werkbank.iss
; Result: dist\DrugspreventieWerkbank-<versie>-setup.exe
;
; - No administrator rights: everything goes to %LOCALAPPDATA%\Programs and the user's own
;   Start menu (PrivilegesRequired=lowest).
; - The user's data (%APPDATA%\Drugspreventie Werkbank: plans, settings, backups) is never
;   written or removed by the installer or the uninstaller: this script names no file there,
;   and the uninstaller removes only what [Files] installed.

#ifndef AppVersion
  #error Geef de versie mee: iscc /DAppVersion=0.1.0 installer\werkbank.iss
#endif
#define AppName "Drugspreventie Werkbank"
#define BundleDir "..\dist\Drugspreventie Werkbank"

[Setup]
AppId={{5B0E8C2A-6F1D-4C53-9E0B-7A8D2F4C1E96}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=DrugspreventieWerkbank-{#AppVersion}-setup
SetupIconFile=..\resources\icon\werkbank.ico
UninstallDisplayIcon={app}\{#AppName}.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\dist\{#AppName}.cdx.json"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Snelkoppeling op het bureaublad"; Flags: unchecked

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{#AppName} starten"; Flags: nowait postinstall skipifsilent
