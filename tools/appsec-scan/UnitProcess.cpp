//===- UnitProcess.cpp - one translation unit in a worker process -------===//
#include "UnitProcess.h"

#include "summaries/SummaryStore.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

#include <chrono>
#include <csignal>
#include <thread>
#include <signal.h>

using namespace llvm;

namespace appsec::scan {

namespace {

UnitResult failedUnit(const std::string &File, const std::string &Reason) {
  UnitResult U;
  U.File = File;
  U.Ok = false;
  U.FailureReason = Reason;
  return U;
}

std::string lastLines(const std::string &Path, unsigned N) {
  auto Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return "";
  SmallVector<StringRef, 64> Lines;
  (*Buf)->getBuffer().rtrim().split(Lines, '\n');
  std::string Out;
  for (size_t I = Lines.size() > N ? Lines.size() - N : 0; I < Lines.size(); ++I)
    Out += (Out.empty() ? "" : " | ") + Lines[I].trim().str();
  return Out;
}

} // namespace

std::string realPath(const std::string &P) {
  SmallString<256> R;
  return sys::fs::real_path(P, R) ? P : std::string(R);
}

UnitResult runUnit(const WorkerCommand &Cmd, const std::string &File, size_t Index) {
  std::string Out = (Cmd.TmpDir + "/" + Twine(Index) + ".json").str();
  std::string Log = (Cmd.TmpDir + "/" + Twine(Index) + ".log").str();
  std::vector<std::string> Args = {Cmd.Self, "--internal-worker=" + File,
                                   "--internal-db=" + Cmd.Database, "--internal-output=" + Out};
  if (!Cmd.ResourceDir.empty())
    Args.push_back("--internal-resource-dir=" + Cmd.ResourceDir);
  Args.insert(Args.end(), Cmd.PassOn.begin(), Cmd.PassOn.end());
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Log), StringRef(Log)};
  std::string ExecError;
  bool Failed = false;
  auto T0 = std::chrono::steady_clock::now();
  // ExecuteAndWait's timeout relies on SIGALRM, which any thread may
  // receive; poll instead and kill the worker at the deadline.
  int Rc = -1;
  bool TimedOut = false;
  sys::ProcessInfo PI = sys::ExecuteNoWait(Cmd.Self, ArgRefs, std::nullopt, Redirects, 0,
                                           &ExecError, &Failed);
  if (!Failed && PI.Pid > 0) {
    sys::ProcessInfo R;
    if (!Cmd.TimeoutSeconds) {
      R = sys::Wait(PI, std::nullopt, &ExecError);
    } else {
      auto Deadline = T0 + std::chrono::seconds(Cmd.TimeoutSeconds);
      for (;;) {
        R = sys::Wait(PI, 0, &ExecError); // non-blocking
        if (R.Pid != 0)
          break;
        if (std::chrono::steady_clock::now() >= Deadline) {
          ::kill(PI.Pid, SIGKILL);
          R = sys::Wait(PI, std::nullopt, &ExecError);
          TimedOut = true;
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    Rc = R.ReturnCode;
  } else {
    Failed = true;
  }
  double Secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - T0).count();
  UnitResult U;
  if (Rc == 0) {
    auto Buf = MemoryBuffer::getFile(Out);
    nlohmann::json JR = Buf ? nlohmann::json::parse((*Buf)->getBuffer().begin(),
                                                    (*Buf)->getBuffer().end(), nullptr, false)
                            : nlohmann::json();
    try {
      if (!JR.is_object())
        throw std::runtime_error("no result");
      U.File = File;
      U.Ok = JR.value("ok", false);
      U.FailureReason = JR.value("failureReason", "");
      U.Errors = JR.at("errors").get<std::vector<Note>>();
      U.Findings = JR.at("findings").get<std::vector<Finding>>();
      U.Notices = JR.value("notices", std::vector<Note>());
      U.Inputs = JR.value("inputs", std::map<std::string, std::string>());
    } catch (const std::exception &) {
      U = failedUnit(File, "the worker wrote no readable result");
    }
  } else if (TimedOut) {
    U = failedUnit(File, "timed out after " + std::to_string(Cmd.TimeoutSeconds) + " s (--tu-timeout)");
  } else if (Rc == -2) {
    std::string Tail = lastLines(Log, 3);
    U = failedUnit(File, "the worker crashed" + (ExecError.empty() ? "" : ": " + ExecError) +
                             (Tail.empty() ? "" : ": " + Tail));
  } else {
    std::string Tail = lastLines(Log, 3);
    U = failedUnit(File, (Failed ? "cannot start the worker: " + ExecError
                                 : "the worker failed with status " + std::to_string(Rc)) +
                             (Tail.empty() ? "" : ": " + Tail));
  }
  U.Seconds = Secs;
  sys::fs::remove(Out);
  sys::fs::remove(Log);
  return U;
}

StoreSnapshot storeSnapshot(const std::string &Dir) {
  StoreSnapshot S;
  if (Dir.empty())
    return S;
  for (SummaryStore::UnitRecord &R : SummaryStore::units(Dir)) {
    for (auto &[K, Text] : R.Functions)
      S.Functions[K] = std::move(Text);
    S.Imports[R.MainFile] = std::move(R.Imports);
    if (R.ServesRequests)
      S.Serving.insert(R.MainFile);
  }
  return S;
}

std::vector<size_t> unitsToRescan(const StoreSnapshot &Before, const StoreSnapshot &After,
                                  const std::vector<std::string> &Files) {
  std::set<std::string> Changed;
  for (const auto &[K, Text] : After.Functions) {
    auto It = Before.Functions.find(K);
    if (It == Before.Functions.end() || It->second != Text)
      Changed.insert(K);
  }
  for (const auto &[K, Text] : Before.Functions)
    if (!After.Functions.count(K))
      Changed.insert(K);
  bool ServiceChanged = Before.Serving.empty() != After.Serving.empty();
  std::vector<size_t> Out;
  if (Changed.empty() && !ServiceChanged)
    return Out;
  for (size_t I = 0; I < Files.size(); ++I) {
    std::string Real = realPath(Files[I]);
    auto It = After.Imports.find(Real);
    if ((It != After.Imports.end() &&
         llvm::any_of(It->second, [&](const std::string &K) { return Changed.count(K) > 0; })) ||
        (ServiceChanged && !After.Serving.count(Real)))
      Out.push_back(I);
  }
  return Out;
}

} // namespace appsec::scan
