# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'train_report_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_TrainReportDialog(object):
    def setupUi(self, TrainReportDialog):
        if not TrainReportDialog.objectName():
            TrainReportDialog.setObjectName(u"TrainReportDialog")
        TrainReportDialog.resize(820, 560)
        self.main_layout = QVBoxLayout(TrainReportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.summary_label = QLabel(TrainReportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.summary_label)

        self.lines_view = QTableView(TrainReportDialog)
        self.lines_view.setObjectName(u"lines_view")
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setAlternatingRowColors(True)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setWordWrap(False)
        self.lines_view.horizontalHeader().setStretchLastSection(True)
        self.lines_view.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.lines_view)

        self.status_label = QLabel(TrainReportDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.pdf_button = QPushButton(TrainReportDialog)
        self.pdf_button.setObjectName(u"pdf_button")
        self.pdf_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.pdf_button)

        self.csv_button = QPushButton(TrainReportDialog)
        self.csv_button.setObjectName(u"csv_button")
        self.csv_button.setAutoDefault(False)

        self.buttons_layout.addWidget(self.csv_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.button_box = QDialogButtonBox(TrainReportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)

        QWidget.setTabOrder(self.lines_view, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.csv_button)

        self.retranslateUi(TrainReportDialog)

        QMetaObject.connectSlotsByName(TrainReportDialog)
    # setupUi

    def retranslateUi(self, TrainReportDialog):
        TrainReportDialog.setWindowTitle(QCoreApplication.translate("TrainReportDialog", u"Train report \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.summary_label.setAccessibleName(QCoreApplication.translate("TrainReportDialog", u"Manifested against arrived", None))
#endif // QT_CONFIG(accessibility)
        self.summary_label.setText("")
#if QT_CONFIG(accessibility)
        self.lines_view.setAccessibleName(QCoreApplication.translate("TrainReportDialog", u"The train's containers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.status_label.setAccessibleName(QCoreApplication.translate("TrainReportDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.status_label.setText("")
        self.pdf_button.setText(QCoreApplication.translate("TrainReportDialog", u"Save &PDF\u2026", None))
        self.csv_button.setText(QCoreApplication.translate("TrainReportDialog", u"Save &CSV\u2026", None))
    # retranslateUi

