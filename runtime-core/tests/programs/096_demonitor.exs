# Process.demonitor, with and without :flush, and monitoring twice.
defmodule Demo do
  def run do
    pid = spawn(fn -> receive do: (:stop -> :ok) end)
    ref = Process.monitor(pid)
    IO.inspect(Process.demonitor(ref), label: "demonitor")
    send(pid, :stop)
    receive do
      {:DOWN, ^ref, _, _, _} -> IO.puts("DOWN after demonitor (unexpected)")
    after
      50 -> IO.puts("no DOWN after demonitor")
    end

    pid = spawn(fn -> :ok end)
    ref = Process.monitor(pid)
    Process.sleep(20)
    IO.inspect(Process.info(self(), :message_queue_len), label: "DOWN already queued")
    IO.inspect(Process.demonitor(ref), label: "demonitor without flush")
    IO.inspect(Process.info(self(), :message_queue_len), label: "the DOWN stays")
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "removed by hand")
    end

    pid = spawn(fn -> :ok end)
    ref = Process.monitor(pid)
    Process.sleep(20)
    IO.inspect(Process.demonitor(ref, [:flush]), label: "demonitor with flush")
    IO.inspect(Process.info(self(), :message_queue_len), label: "the DOWN is gone")

    pid = spawn(fn -> receive do: (:stop -> :ok) end)
    ref1 = Process.monitor(pid)
    ref2 = Process.monitor(pid)
    IO.inspect(ref1 == ref2, label: "two monitors, two refs")
    send(pid, :stop)
    downs =
      for _ <- 1..2 do
        receive do
          {:DOWN, ref, :process, ^pid, :normal} -> ref in [ref1, ref2]
        end
      end
    IO.inspect(downs, label: "one DOWN per monitor")

    IO.inspect(Process.demonitor(make_ref()), label: "demonitor an unknown ref")
    IO.inspect(Process.demonitor(ref1, [:info]), label: "demonitor with :info after DOWN")
  end
end

Demo.run()
