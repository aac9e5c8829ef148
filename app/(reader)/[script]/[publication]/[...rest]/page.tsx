import { notFound } from "next/navigation";

/** Any deeper or malformed reader path is a reader 404. */
export default function UnknownReaderPath() {
  notFound();
}
