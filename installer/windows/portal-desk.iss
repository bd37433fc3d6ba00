; Inno Setup 6 script: a Windows setup program for the PyInstaller bundle in dist\portal-desk.
; installer\build.py runs it when ISCC.exe is found, passing the version from pyproject.toml:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\portal-desk /DIconFile=build\icons\portal-desk.ico /Odist installer\windows\portal-desk.iss
; Installs per user by default (no administrator rights needed); the setup offers all users too.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (installer\build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\portal-desk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\portal-desk.ico"
#endif

[Setup]
; The AppId identifies the product across versions (upgrades replace, uninstall finds it): never change it.
AppId={{6C1F3D52-8B8E-4B8A-9E0B-2F4C1D7A9B31}
AppName=Portal Desk
AppVersion={#AppVersion}
AppVerName=Portal Desk {#AppVersion}
AppPublisher=Portal Desk
DefaultDirName={autopf}\Portal Desk
DefaultGroupName=Portal Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=portal-desk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\portal-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Portal Desk"; Filename: "{app}\portal-desk.exe"
Name: "{autodesktop}\Portal Desk"; Filename: "{app}\portal-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\portal-desk.exe"; Description: "{cm:LaunchProgram,Portal Desk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program wrote next to itself; the user's data folder (%LOCALAPPDATA%\PortalDesk) is kept.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
