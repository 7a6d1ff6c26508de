"""Scaling out: with PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and a private S3-compatible
bucket (MEDIA_S3_BUCKET) no web machine keeps state on its own disk.

The bucket is moto in server mode on a loopback port, the cache a real redis-server (Debian's,
installed by `make pytest`). Uploads, renditions, documents and audio go to the bucket and are
served through the site's own URLs; the last test runs two gunicorn sites on one database, one
bucket and one Redis, and finds nothing written to their local folders.
"""

import io
import os
import re
import subprocess  # noqa: S404 - starts moto, redis-server and the site
import sys
import tarfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import checks
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from longread.imagemeta import carries_metadata
from longread.mediafiles import MediaFile
from scripts.served_site import (
    Server,
    build,
    free_port,
    is_postgres,
    manage,
    site_environment,
    throwaway_postgres,
)
from sitewide.operations import scale_out
from sitewide.settings.storage import S3_MEDIA_STORAGE, media_storage
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, first_story_path
from tests.servers import redis_server, stop, wait_until

BIN = Path(sys.executable).parent
REGION = "eu-west-1"
ACCESS = {"AWS_ACCESS_KEY_ID": "scale-out-test", "AWS_SECRET_ACCESS_KEY": "scale-out-secret"}

pytestmark = pytest.mark.django_db


# --- The servers ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """moto's S3 in server mode on a free loopback port."""
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - fixed command
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"

    def answers():
        try:
            with urllib.request.urlopen(url + "/moto-api/", timeout=1):  # noqa: S310 - loopback
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    try:
        wait_until(answers, process, "moto_server", log)
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real redis-server on a free loopback port, persisting nothing."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


def s3_client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=ACCESS["AWS_SECRET_ACCESS_KEY"],
    )


def new_bucket(endpoint) -> str:
    name = f"longread-media-{uuid.uuid4().hex[:12]}"
    s3_client(endpoint).create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    return name


def bucket_environment(endpoint, bucket) -> dict[str, str]:
    return {
        "MEDIA_S3_BUCKET": bucket,
        "MEDIA_S3_ENDPOINT_URL": endpoint,
        "MEDIA_S3_REGION": REGION,
        **ACCESS,
    }


def stored_keys(endpoint, bucket) -> set[str]:
    client = s3_client(endpoint)
    keys = set()
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys.update(item["Key"] for item in page.get("Contents", []))
    return keys


def stored_object(endpoint, bucket, key) -> bytes:
    return s3_client(endpoint).get_object(Bucket=bucket, Key=key)["Body"].read()


def local_media_files() -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path) for path in root.rglob("*") if path.is_file()} if root.is_dir() else set()


@pytest.fixture
def bucket(s3_endpoint):
    """A fresh private bucket as the site's media storage, for this test only."""
    name = new_bucket(s3_endpoint)
    default = media_storage(bucket_environment(s3_endpoint, name))
    # In this process the credentials go in the options; the site reads them from the
    # environment (boto3's own variables), as the last test shows.
    default["OPTIONS"].update(
        access_key=ACCESS["AWS_ACCESS_KEY_ID"], secret_key=ACCESS["AWS_SECRET_ACCESS_KEY"]
    )
    before = local_media_files()
    with override_settings(STORAGES={**settings.STORAGES, "default": default}):
        yield name
    assert local_media_files() == before, "a media file was written to the local disk"


def served_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- Configuration -------------------------------------------------------------------------------


def test_the_environment_chooses_a_private_bucket():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    chosen = media_storage(
        {
            "MEDIA_S3_BUCKET": "media",
            "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
            "MEDIA_S3_REGION": "nl-ams",
            "MEDIA_S3_PREFIX": "/longread/",
        }
    )
    assert chosen["BACKEND"] == S3_MEDIA_STORAGE
    options = chosen["OPTIONS"]
    assert options["bucket_name"] == "media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["region_name"] == "nl-ams"
    assert options["location"] == "longread"
    assert options["default_acl"] is None  # never public-read: the bucket's policy holds
    assert options["file_overwrite"] is False
    assert "access_key" not in options and "secret_key" not in options
    # AWS itself needs no endpoint and takes virtual-host addressing.
    assert media_storage({"MEDIA_S3_BUCKET": "media"})["OPTIONS"]["addressing_style"] is None


@pytest.mark.parametrize(
    "environ, named",
    [
        ({"MEDIA_S3_ENDPOINT_URL": "https://s3.example.org"}, "MEDIA_S3_ENDPOINT_URL"),
        ({"MEDIA_S3_BUCKET": "m", "MEDIA_S3_ENDPOINT_URL": "s3.example.org"}, "http(s) URL"),
        ({"MEDIA_S3_BUCKET": "m", "MEDIA_S3_ENDPOINT_URL": "ftp://s3.example.org"}, "http(s)"),
    ],
)
def test_a_half_configured_bucket_is_a_clear_error(environ, named):
    with pytest.raises(ImproperlyConfigured, match=re.escape(named)):
        media_storage(environ)


# The check reads the engine's name only; no connection is made with it.
@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_check_deploy_names_what_a_scaled_out_site_still_keeps_locally():
    postgres = {"default": {**settings.DATABASES["default"], "ENGINE": "x.postgresql"}}
    # The embedded default, whichever database this run of the suite uses.
    sqlite = {"default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.sqlite3"}}
    redis_cache = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
    s3 = {**settings.STORAGES, "default": media_storage({"MEDIA_S3_BUCKET": "m"})}

    def warnings():
        return {m.id for m in scale_out.check_nothing_local_when_scaled_out()}

    assert os.environ.get("SECRET_KEY")  # tests/settings.py sets one, as production must

    with override_settings(DATABASES=sqlite):
        assert warnings() == set()  # the embedded default: one machine
    with override_settings(DATABASES=postgres):
        assert warnings() == set()  # one machine on PostgreSQL
        with override_settings(CACHES=redis_cache):
            assert warnings() == {scale_out.LOCAL_MEDIA}
            with override_settings(STORAGES=s3):
                assert warnings() == set()
        with override_settings(STORAGES=s3):
            assert warnings() == {scale_out.LOCAL_CACHE}
    with override_settings(CACHES=redis_cache, STORAGES=s3, DATABASES=sqlite):
        assert warnings() == {scale_out.LOCAL_DATABASE}
    with override_settings(CACHES=redis_cache, STORAGES=s3, DATABASES=postgres):
        key = os.environ.pop("SECRET_KEY")
        try:
            assert warnings() == {scale_out.KEY_FROM_DISK}
        finally:
            os.environ["SECRET_KEY"] = key
    assert scale_out.check_nothing_local_when_scaled_out in checks.registry.registry.get_checks(
        include_deployment_checks=True
    )


# --- Media in the bucket -------------------------------------------------------------------------


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Maria Jansen"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 13.5)
    output = io.BytesIO()
    Image.new("RGB", (640, 400), (120, 90, 60)).save(output, "JPEG", exif=exif)
    return output.getvalue()


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("scale-editor", "scale@example.org", "x")
    client.force_login(user)
    return client


def upload_image(client) -> object:
    data = jpeg_with_gps()
    assert carries_metadata(data)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Maria Jansen in Utrecht",
            "file": SimpleUploadedFile("maria-jansen-utrecht.jpg", data),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return get_image_model().objects.latest("pk")


def test_an_upload_and_its_renditions_land_in_the_bucket_without_metadata(
    editor, s3_endpoint, bucket
):
    image = upload_image(editor)
    keys = stored_keys(s3_endpoint, bucket)
    assert image.file.name in keys
    assert image.file.name.startswith("original_images/")
    assert "maria" not in image.file.name.lower()
    original = stored_object(s3_endpoint, bucket, image.file.name)
    assert not carries_metadata(original)
    assert b"Maria" not in original
    # Private: the object carries no grant beyond its owner's.
    grants = s3_client(s3_endpoint).get_object_acl(Bucket=bucket, Key=image.file.name)["Grants"]
    assert all(grant["Grantee"].get("Type") == "CanonicalUser" for grant in grants), grants

    rendition = image.get_rendition("width-400|format-webp")
    assert rendition.file.name in stored_keys(s3_endpoint, bucket)
    assert rendition.url == "/media/" + rendition.file.name  # the site's URL, not the bucket's
    response = editor.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    # Staff see files no public page uses yet (the image library), never kept by caches.
    assert response["Cache-Control"] == "private, no-store"
    served = served_bytes(response)
    assert served == stored_object(s3_endpoint, bucket, rendition.file.name)
    assert not carries_metadata(served)


def test_originals_are_never_served_from_the_bucket(client, editor, s3_endpoint, bucket):
    image = upload_image(editor)
    rendition = image.get_rendition("width-400")
    assert client.get(rendition.url).status_code == 200
    name = Path(image.file.name).name
    for url in (
        f"/media/original_images/{name}",
        f"/media/images/../original_images/{name}",
        f"/media/images/..%2foriginal_images/{name}",
        f"/media/images/%2e%2e/original_images/{name}",
        f"/media/images/./../original_images/{name}",
        f"/media/media_files/../original_images/{name}",
        "/media/images/no-such-rendition.webp",
    ):
        response = client.get(url, follow=True)
        assert response.status_code in (400, 404), url


def test_a_public_page_shows_its_images_from_the_bucket(
    client, editor, s3_endpoint, bucket, django_capture_on_commit_callbacks, task_worker
):
    image = upload_image(editor)
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    page.hero_image = image
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    task_worker()  # the worker makes the renditions, into the bucket
    stem = Path(image.file.name).stem
    made = {key for key in stored_keys(s3_endpoint, bucket) if key.startswith(f"images/{stem}")}
    assert len(made) >= 4, made

    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    urls = set()
    for tag in soup.find_all(["img", "source"]):
        for value in (tag.get("src"), tag.get("srcset")):
            for candidate in (value or "").split(","):
                url = candidate.strip().split(" ")[0]
                if stem in url:
                    urls.add(url)
    assert urls, "the page shows the image"
    for url in urls:
        assert url.startswith("/media/images/"), url  # this origin: no third party
        response = client.get(url)
        assert response.status_code == 200, url
        key = url.removeprefix("/media/")
        assert served_bytes(response) == stored_object(s3_endpoint, bucket, key)


def test_a_document_in_the_bucket_is_served_only_while_a_public_page_uses_it(
    client, s3_endpoint, bucket
):
    document = get_document_model()(title="Factsheet")
    pdf = b"%PDF-1.4\n% scale-out\n%%EOF\n"
    document.file.save("factsheet.pdf", ContentFile(pdf), save=False)
    document.save()
    assert document.file.name in stored_keys(s3_endpoint, bucket)
    assert client.get(document.url).status_code == 404  # used by no page yet

    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    body = list(page.body.raw_data)
    page.body.append(("document", {"document": document, "title": "Read it"}))
    page.save_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200  # streamed through the site, not a redirect
    assert served_bytes(response) == pdf
    assert response["Content-Security-Policy"] == "default-src 'none'"

    page.body = body
    page.save_revision().publish()
    assert client.get(document.url).status_code == 404


def test_audio_in_the_bucket_is_served_through_the_site(client, s3_endpoint, bucket):
    sound = b"ID3" + bytes(range(256)) * 64
    media = MediaFile(title="Voice", kind=MediaFile.AUDIO)
    media.file.save("voice.mp3", ContentFile(sound), save=False)
    media.save()
    assert media.file.name in stored_keys(s3_endpoint, bucket)
    assert media.file.url.startswith("/media/media_files/")
    assert client.get(media.file.url).status_code == 404  # used by no page yet

    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    page.body.append(("audio", {"media": media, "title": "Listen", "transcript": "<p>Said</p>"}))
    page.save_revision().publish()
    response = client.get(media.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/mpeg"
    assert response["Content-Length"] == str(len(sound))
    assert served_bytes(response) == sound


def test_a_backup_holds_the_bucket_and_a_restore_puts_it_back(
    editor, s3_endpoint, bucket, tmp_path
):
    """The media part of sitewide.operations.backup (tests/consent/test_backup.py covers the
    database part)."""
    from sitewide.operations import backup

    image = upload_image(editor)
    image.get_rendition("width-400")
    keys = stored_keys(s3_endpoint, bucket)
    archive = tmp_path / "backup.tar.gz"
    database_file = tmp_path / "database.sqlite3"
    database_file.write_bytes(b"stands in for the database")
    manifest = {"members": {}}
    backup._write_archive(archive, database_file, Path(settings.MEDIA_ROOT), manifest)
    media = {name.removeprefix("media/") for name in manifest["members"] if "/" in name}
    assert media == keys
    staged = tmp_path / "work"
    with tarfile.open(archive) as opened:
        opened.extractall(staged, filter="data")
    original = stored_object(s3_endpoint, bucket, image.file.name)
    assert (staged / "media" / image.file.name).read_bytes() == original

    client = s3_client(s3_endpoint)
    client.delete_object(Bucket=bucket, Key=image.file.name)
    client.put_object(Bucket=bucket, Key="stray/after-the-backup.txt", Body=b"stray")
    backup._replace_media(staged / "media", Path(settings.MEDIA_ROOT))
    assert stored_keys(s3_endpoint, bucket) == keys
    assert stored_object(s3_endpoint, bucket, image.file.name) == original


# --- The cache in Redis --------------------------------------------------------------------------


def test_redis_url_gives_every_process_one_cache(redis_url, tmp_path):
    env = site_environment(tmp_path, extra={"REDIS_URL": redis_url})
    probe = f"scale-out-{uuid.uuid4().hex}"
    manage(
        env,
        "shell",
        "-c",
        f"from django.core.cache import cache; cache.set({probe!r}, 'from another process', 60)",
    )
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": redis_url,
        "KEY_PREFIX": "longread",
    }
    with override_settings(CACHES={"default": redis_cache}):
        assert caches["default"].get(probe) == "from another process"
        caches["default"].set(probe, "answered", 60)
    shown = manage(
        env, "shell", "-c", f"from django.core.cache import cache; print(cache.get({probe!r}))"
    )
    assert shown.strip().splitlines()[-1] == "answered"
    assert not (tmp_path / "var" / "cache").exists()


# --- Two web machines ----------------------------------------------------------------------------


def fetch(base_url: str, path: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(base_url + path, headers={"Accept-Language": "en"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def local_files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


@pytest.mark.skipif(
    not is_postgres(os.environ.get("DATABASE_URL")),
    reason="other database run: machines share a PostgreSQL database (CI's PostgreSQL run)",
)
def test_two_web_machines_share_everything_and_keep_nothing_locally(
    s3_endpoint, redis_url, tmp_path
):
    import redis

    bucket = new_bucket(s3_endpoint)
    shared = {**bucket_environment(s3_endpoint, bucket), "REDIS_URL": redis_url}
    with throwaway_postgres(os.environ["DATABASE_URL"], "scale") as url:
        env = site_environment(tmp_path, url, extra=shared)
        build(env)  # migrate, seed_demo (its images go to the bucket), collectstatic
        keys = stored_keys(s3_endpoint, bucket)
        assert any(key.startswith("original_images/") for key in keys)
        assert any(key.startswith("images/") for key in keys)  # made when seed_demo published
        assert any(key.startswith("documents/") for key in keys)
        assert any(key.startswith("media_files/") for key in keys)

        machines = [tmp_path / "machine-a", tmp_path / "machine-b"]
        for machine in machines:
            machine.mkdir()
        # Each machine its own (empty) local folders.
        envs = [
            {**env, "MEDIA_ROOT": str(m / "media"), "CACHE_DIR": str(m / "cache")} for m in machines
        ]
        with (
            Server(envs[0], machines[0], workers=1) as first,
            Server(envs[1], machines[1], workers=1) as second,
        ):
            status, html, _ = fetch(first.url, first_story_path("en"))
            assert status == 200
            soup = BeautifulSoup(html, "html.parser")
            images = {
                candidate.strip().split(" ")[0]
                for tag in soup.find_all(["img", "source"])
                for value in (tag.get("src"), tag.get("srcset"))
                for candidate in (value or "").split(",")
                if candidate.strip().startswith("/media/images/")
            }
            documents = {a["href"] for a in soup.find_all("a", href=True)}
            documents = {href for href in documents if href.startswith("/documents/")}
            assert images
            for url in sorted(images)[:6]:
                status, served, headers = fetch(second.url, url)
                assert status == 200, url
                assert served == stored_object(s3_endpoint, bucket, url.removeprefix("/media/"))
            for url in documents:
                status, served, _ = fetch(second.url, url)
                assert status == 200, url
                assert served.startswith(b"%PDF")
            status, _, _ = fetch(second.url, first_story_path("en"))
            assert status == 200
            assert fetch(second.url, "/health/")[0] == 200

        assert redis.Redis.from_url(redis_url).dbsize() > 0  # the cache lives in Redis
        for machine in machines:
            kept = local_files(machine) - {"gunicorn.log", "gunicorn.ctl"}
            assert kept == set(), f"{machine.name} kept {sorted(kept)}"
        # The site's own folder holds the static files collected at deployment; never a
        # database, media or cache files.
        assert local_files(tmp_path / "var") == set()
        assert not (tmp_path / "media").exists() or local_files(tmp_path / "media") == set()
