// SPDX-License-Identifier: MIT
#include "exportdialog.h"

#include "picturewriter.h"
#include "render/scenerenderer.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {

// Grey and white squares behind a transparent preview, as image editors show transparency.
void paintCheckerboard(QPainter *painter, const QRectF &rect)
{
    constexpr int Cell = 8;
    painter->fillRect(rect, QColor(0xff, 0xff, 0xff));
    for (int y = 0; y * Cell < rect.height(); ++y) {
        for (int x = (y % 2); x * Cell < rect.width(); x += 2)
            painter->fillRect(
                QRectF(rect.left() + x * Cell, rect.top() + y * Cell, Cell, Cell).intersected(rect),
                QColor(0xe5, 0xe7, 0xeb));
    }
}

QHBoxLayout *row(std::initializer_list<QWidget *> widgets)
{
    auto *layout = new QHBoxLayout;
    layout->setSpacing(16);
    for (QWidget *w : widgets)
        layout->addWidget(w);
    layout->addStretch();
    return layout;
}

} // namespace

ExportDialog::ExportDialog(const PictureOptions &options,
    const SceneRenderer &renderer,
    const QList<ElementId> &selection,
    QWidget *parent)
    : QDialog(parent)
    , m_renderer(renderer)
    , m_selection(selection)
    , m_format(options.format)
{
    const bool png = options.format == PictureOptions::Format::Png;
    setWindowTitle(png ? tr("Export PNG") : tr("Export SVG"));
    setObjectName(QStringLiteral("ExportDialog"));

    SceneRenderer::Options whole = options.renderOptions({});
    m_wholeSize = renderer.sourceRect(whole).size();
    if (!selection.isEmpty()) {
        whole.ids = selection;
        m_selectionSize = renderer.sourceRect(whole).size();
    }

    m_preview = new QLabel;
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setFixedSize(PreviewSize);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setBackgroundRole(QPalette::Window);
    m_preview->setAutoFillBackground(true);

    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("scale"));
    const QStringList notes{
        tr("actual size"), tr("sharp on high-resolution screens"), QString(), tr("print")
    };
    for (qsizetype i = 0; i < std::ssize(PictureOptions::Scales); ++i) {
        const double scale = PictureOptions::Scales[i];
        const QString text = notes.at(i).isEmpty()
            ? QStringLiteral("%1×").arg(scale)
            : QStringLiteral("%1× — %2").arg(scale).arg(notes.at(i));
        m_scale->addItem(text, scale);
    }
    const int scaleIndex = m_scale->findData(options.scale);
    m_scale->setCurrentIndex(scaleIndex >= 0 ? scaleIndex : 1);

    m_white = new QRadioButton(tr("&White"));
    m_transparent = new QRadioButton(tr("&Transparent"));
    auto *background = new QButtonGroup(this);
    background->addButton(m_white);
    background->addButton(m_transparent);
    (options.transparent ? m_transparent : m_white)->setChecked(true);

    m_whole = new QRadioButton(tr("W&hole design"));
    m_selectionOnly = new QRadioButton(selection.isEmpty()
            ? tr("Se&lection")
            : (selection.size() == 1 ? tr("Se&lection (1 element)")
                                     : tr("Se&lection (%1 elements)").arg(selection.size())));
    m_selectionOnly->setEnabled(!selection.isEmpty());
    if (selection.isEmpty())
        m_selectionOnly->setToolTip(tr("Select elements on the canvas to export only them."));
    auto *content = new QButtonGroup(this);
    content->addButton(m_whole);
    content->addButton(m_selectionOnly);
    (options.selectionOnly && !selection.isEmpty() ? m_selectionOnly : m_whole)->setChecked(true);

    m_badges = new QCheckBox(tr("Show findings &badges"));
    m_badges->setChecked(options.badges);
    m_badges->setToolTip(tr("The coloured counters the validator puts on elements with findings."));

    m_size = new QLabel;
    m_size->setObjectName(QStringLiteral("size"));
    m_size->setTextFormat(Qt::RichText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(10);
    if (png)
        form->addRow(tr("&Scale:"), m_scale);
    else
        m_scale->hide();
    form->addRow(tr("Background:"), row({ m_white, m_transparent }));
    form->addRow(tr("Content:"), row({ m_whole, m_selectionOnly }));
    form->addRow(tr("Findings:"), m_badges);
    form->addRow(tr("Size:"), m_size);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_export->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(14);
    layout->addWidget(m_preview, 0, Qt::AlignHCenter);
    layout->addLayout(form);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportDialog::update);
    for (QAbstractButton *b : { static_cast<QAbstractButton *>(m_transparent),
             static_cast<QAbstractButton *>(m_selectionOnly),
             static_cast<QAbstractButton *>(m_badges) })
        connect(b, &QAbstractButton::toggled, this, &ExportDialog::update);
    update();
}

PictureOptions ExportDialog::options() const
{
    PictureOptions o;
    o.format = m_format;
    o.scale = m_scale->currentData().toDouble();
    o.transparent = m_transparent->isChecked();
    o.selectionOnly = m_selectionOnly->isChecked();
    o.badges = m_badges->isChecked();
    return o;
}

QSizeF ExportDialog::sourceSize() const
{
    return m_selectionOnly->isChecked() ? m_selectionSize : m_wholeSize;
}

QSize ExportDialog::pictureSize() const
{
    return options().pixelSize(sourceSize());
}

bool ExportDialog::canExport() const
{
    const QSize size = pictureSize();
    return !size.isEmpty()
        && (m_format == PictureOptions::Format::Svg
            || qint64(size.width()) * size.height() <= PictureOptions::MaxPixels);
}

void ExportDialog::update()
{
    const QSize size = pictureSize();
    if (!canExport() && !size.isEmpty()) {
        m_size->setText(tr("<span style=\"color:#b91c1c\">%1: too large for a PNG.</span><br>"
                           "Choose a smaller scale, the selection or SVG.")
                            .arg(PictureWriter::describeSize(size).toHtmlEscaped()));
    } else if (m_format == PictureOptions::Format::Svg) {
        m_size->setText(tr("%1 at 100 %, scales without loss")
                            .arg(PictureWriter::describeSize(size).toHtmlEscaped()));
    } else {
        m_size->setText(PictureWriter::describeSize(size).toHtmlEscaped());
    }
    m_export->setEnabled(canExport());
    updatePreview();
}

void ExportDialog::updatePreview()
{
    const PictureOptions o = options();
    const SceneRenderer::Options render = o.renderOptions(m_selection);
    const QRectF source = m_renderer.sourceRect(render);
    if (source.isEmpty()) {
        m_preview->setPixmap({});
        m_preview->setText(tr("Nothing to draw"));
        return;
    }
    // The picture fitted into the preview (never enlarged), at the screen's pixel density.
    const QSizeF room = QSizeF(PreviewSize) - QSizeF(16, 16);
    const double fit
        = qMin(1.0, qMin(room.width() / source.width(), room.height() / source.height()));
    const QSizeF shown = source.size() * fit;
    const qreal dpr = devicePixelRatioF();
    QImage image(
        (shown * dpr).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    QPainter painter(&image);
    painter.setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    if (o.transparent)
        paintCheckerboard(&painter, QRectF(QPointF(0, 0), shown));
    else
        painter.fillRect(QRectF(QPointF(0, 0), shown), Qt::white);
    m_renderer.paint(&painter, QRectF(QPointF(0, 0), shown), source, render);
    painter.setPen(QPen(palette().color(QPalette::Mid), 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(QPointF(0, 0), shown).adjusted(0, 0, -1 / dpr, -1 / dpr));
    painter.end();
    m_preview->setPixmap(QPixmap::fromImage(image));
}
